// Records flowing through a small pipeline: orders are priced on the workers, then invoiced on
// the workers, then totalled per customer in the shell. Records travel both ways by value.
record Order(int id, String customer, String item, int quantity) {}
record Priced(Order order, double unitPrice, double amount) {}
record Invoice(int orderId, String customer, double net, double tax, double gross) {}

Map<String, Double> PRICES = new TreeMap<>(Map.of("apple", 0.5, "bread", 2.25, "cheese", 7.0, "dates", 4.5));

Priced price(Order o) {
    double unit = PRICES.get(o.item());
    return new Priced(o, unit, unit * o.quantity());
}
Invoice invoice(Priced p) {
    double tax = Math.round(p.amount() * 20) / 100.0;
    return new Invoice(p.order().id(), p.order().customer(), p.amount(), tax, p.amount() + tax);
}

List<Order> orders() {
    String[] customers = {"ada", "grace", "linus"};
    String[] items = {"apple", "bread", "cheese", "dates"};
    List<Order> orders = new ArrayList<>();
    for (int i = 1; i <= 30; i++) orders.add(new Order(i, customers[i % 3], items[i % 4], i % 5 + 1));
    return orders;
}

// Two stages on the workers, one in the shell.
List<Invoice> invoices = pmap(p -> invoice(p), pmap(o -> price(o), orders()));
Map<String, Double> gross = new TreeMap<>();
for (Invoice inv : invoices) gross.merge(inv.customer(), inv.gross(), Double::sum);
System.out.println("first invoice: " + invoices.get(0));
gross.forEach((c, g) -> System.out.println(String.format("%s owes %.2f", c, g)));
System.out.println(String.format("total %.2f over %d invoices", gross.values().stream().mapToDouble(d -> d).sum(), invoices.size()));
