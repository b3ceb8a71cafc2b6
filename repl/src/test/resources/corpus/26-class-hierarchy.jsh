abstract class Animal { abstract String sound(); String speak() { return getClass().getSimpleName() + " says " + sound(); } }
class Dog extends Animal { String sound() { return "woof"; } }
class Cat extends Animal { String sound() { return "meow"; } }
System.out.println(pmap(Animal::speak, List.of(new Dog(), new Cat())));
