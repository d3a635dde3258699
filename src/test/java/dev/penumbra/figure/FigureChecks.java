package dev.penumbra.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What every written figure must satisfy, checked by reading the files back. */
final class FigureChecks {

    private FigureChecks() {
    }

    /** The PNG decodes, is width x height pixels and shows a drawing, not one flat colour. */
    static void assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("decoded " + png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("distinct colours in " + png).hasSizeGreaterThan(10);
    }

    /** The SVG is well-formed XML whose root is an svg element of width x height. */
    static void assertSvg(Path svg, int width, int height) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Double.parseDouble(root.getAttribute("width"))).isEqualTo(width);
        assertThat(Double.parseDouble(root.getAttribute("height"))).isEqualTo(height);
    }

    /** Both files of {@code figure} are sound and named after it. */
    static void assertFigure(Figure figure, int width, int height) throws Exception {
        assertPng(figure.png(), width, height);
        assertSvg(figure.svg(), width, height);
        assertThat(figure.png().getFileName().toString()).isEqualTo(figure.name() + ".png");
        assertThat(figure.svg().getFileName().toString()).isEqualTo(figure.name() + ".svg");
    }

    /** The strings of every text element of the SVG, in drawing order: what a reader of the figure sees written. */
    static List<String> svgTexts(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList texts = factory.newDocumentBuilder().parse(svg.toFile())
            .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent());
        }
        return out;
    }

    /** The names of the files in {@code dir}, temporary ones included. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
