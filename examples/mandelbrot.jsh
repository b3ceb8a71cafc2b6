// The Mandelbrot set, one row of pixels per task: the workers compute the colours, the shell
// puts the rows together into a PNG (in the temporary directory, or in $MANDELBROT_DIR).
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;

final int WIDTH = 640, HEIGHT = 480, MAX_ITERATIONS = 500;

int[] row(int y) {
    int[] rgb = new int[WIDTH];
    double ci = (y - HEIGHT / 2.0) * 2.4 / HEIGHT;
    for (int x = 0; x < WIDTH; x++) {
        double cr = (x - WIDTH * 0.65) * 3.2 / WIDTH, zr = 0, zi = 0;
        int n = 0;
        while (n < MAX_ITERATIONS && zr * zr + zi * zi <= 4) {
            double t = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = t;
            n++;
        }
        rgb[x] = n == MAX_ITERATIONS ? 0 : java.awt.Color.HSBtoRGB(0.6f + n / 64f, 0.8f, 1f);
    }
    return rgb;
}

// The rows come back in order, whichever worker computed them.
String render(Path png) throws IOException {
    List<int[]> rows = pmap(y -> row(y), range(0, HEIGHT));
    var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    long inside = 0;
    for (int y = 0; y < HEIGHT; y++) {
        image.setRGB(0, y, WIDTH, 1, rows.get(y), 0, WIDTH);
        for (int v : rows.get(y)) if (v == 0) inside++;
    }
    ImageIO.write(image, "png", png.toFile());
    return "wrote " + png + ": " + WIDTH + "x" + HEIGHT + ", " + inside + " points inside the set";
}
System.out.println(render(Path.of(System.getenv().getOrDefault("MANDELBROT_DIR", System.getProperty("java.io.tmpdir")), "mandelbrot.png")));
