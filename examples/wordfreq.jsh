// Word frequencies over a text shipped with the examples: each worker counts the words of a
// batch of lines, and the shell adds the counts up. Run it from the project root.
Map<String, Integer> countWords(List<String> batch) {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : batch) {
        for (String word : line.toLowerCase().split("[^a-z']+")) {
            if (!word.isEmpty()) counts.merge(word, 1, Integer::sum);
        }
    }
    return counts;
}

// Batches of ten lines, each batch a list of its own (it travels to a worker by value).
List<List<String>> batches(Path text) throws IOException {
    List<String> lines = Files.readAllLines(text);
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 10) batches.add(new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + 10))));
    return batches;
}

Map<String, Integer> total = new TreeMap<>();
pmap(b -> countWords(b), batches(Path.of("examples/data/two-cities.txt"))).forEach(m -> m.forEach((w, n) -> total.merge(w, n, Integer::sum)));
System.out.println("words: " + total.values().stream().mapToInt(Integer::intValue).sum() + ", distinct: " + total.size());
total.entrySet().stream().
     sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).
     limit(5).
     forEach(e -> System.out.println(e.getKey() + " " + e.getValue()));
