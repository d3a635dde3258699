package dev.penumbra.figure;

import static dev.penumbra.figure.FigureChecks.assertFigure;
import static dev.penumbra.figure.FigureChecks.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureFilesTest {

    private static final Consumer<Graphics2D> DISC = g -> {
        g.setPaint(ChartStyle.colour(0));
        g.fill(new Ellipse2D.Double(20, 10, 200, 100));
        g.setPaint(Color.BLACK);
        g.drawString("a disc", 30, 140);
    };

    @TempDir
    Path dir;

    @Test
    void painterIsWrittenAsPngAndSvgIntoANewFolder() throws Exception {
        Path folder = dir.resolve("figures/nested");
        Figure figure = FigureFiles.write(folder, "disc", 320, 160, "A disc.", DISC);

        assertThat(figure).isEqualTo(new Figure("disc", folder.resolve("disc.png"), folder.resolve("disc.svg"),
            "A disc."));
        assertFigure(figure, 320, 160);
        assertThat(Files.readString(figure.svg())).contains("<ellipse").contains("a disc");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        FigureFiles.write(dir, "disc", 100, 80, "", DISC);
        FigureFiles.write(dir, "disc", 100, 80, "", DISC);

        assertThat(files(dir)).containsExactly("disc.png", "disc.svg");
    }

    @Test
    void failingPainterWritesNothing() throws Exception {
        Consumer<Graphics2D> broken = g -> {
            throw new IllegalStateException("no data for the figure");
        };

        assertThatThrownBy(() -> FigureFiles.write(dir, "broken", 100, 80, "", broken))
            .hasMessage("no data for the figure");
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void sameDrawingGivesTheSameBytes() throws Exception {
        Figure first = FigureFiles.write(dir.resolve("a"), "disc", 200, 120, "", DISC);
        Figure second = FigureFiles.write(dir.resolve("b"), "disc", 200, 120, "", DISC);

        assertThat(Files.readAllBytes(second.svg())).isEqualTo(Files.readAllBytes(first.svg()));
        assertThat(Files.readAllBytes(second.png())).isEqualTo(Files.readAllBytes(first.png()));
    }

    @Test
    void rejectsNamesThatAreNotPlainFileNamesAndEmptyCanvases() {
        assertThatThrownBy(() -> FigureFiles.write(dir, "../escape", 100, 80, "", DISC))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\"../escape\"");
        assertThatThrownBy(() -> FigureFiles.write(dir, "flat", 0, 80, "", DISC))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("0x80");
    }
}
