package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path tmp;

    private Path write(String text) throws Exception {
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsNumbersAndLabels() throws Exception {
        Path file = write("image,model,dice\n1,unet, 0.5\n\n\"2\",punet,1e-1\n3,unet,-.25\n");
        CsvTable table = CsvTable.read(file);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.numbers("dice", "--value")).containsExactly(0.5, 0.1, -0.25);
        assertThat(table.strings("model", "--group")).containsExactly("unet", "punet", "unet");
        assertThat(table.numbers("image", "--pair")).containsExactly(1, 2, 3);
    }

    @Test
    void missingFileNamesTheOption() {
        assertThatThrownBy(() -> CsvTable.read(tmp.resolve("nope.csv"))).isInstanceOf(InputException.class)
                .hasMessage("--csv " + tmp.resolve("nope.csv") + ": no such file");
        assertThatThrownBy(() -> CsvTable.read(tmp)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a file");
    }

    @Test
    void emptyFileOrHeaderOnly() throws Exception {
        assertThatThrownBy(() -> CsvTable.read(write(""))).isInstanceOf(InputException.class)
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> CsvTable.read(write("a,b\n"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no data rows");
    }

    @Test
    void missingColumnListsTheColumns() throws Exception {
        Path file = write("a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> CsvTable.read(file).numbers("foo", "--x")).isInstanceOf(InputException.class)
                .hasMessage("--x: column 'foo' not in " + file + "; columns are: a, b, c");
    }

    @Test
    void nonNumericAndBlankValuesNameLineAndColumn() throws Exception {
        Path file = write("Subject,pH\n1,7.1\n1,abc\n2,\n2,NaN\n");
        CsvTable table = CsvTable.read(file);
        assertThatThrownBy(() -> table.numbers("pH", "--x")).isInstanceOf(InputException.class)
                .hasMessage(file + " line 3, column 'pH': 'abc' is not a number");
        Path blank = write("Subject,pH\n1,7.1\n2,\n");
        assertThatThrownBy(() -> CsvTable.read(blank).numbers("pH", "--x"))
                .hasMessage(blank + " line 3, column 'pH': blank value");
        assertThatThrownBy(() -> CsvTable.read(blank).strings("pH", "--subject"))
                .hasMessageContaining("blank value");
        Path nan = write("Subject,pH\n1,NaN\n");
        assertThatThrownBy(() -> CsvTable.read(nan).numbers("pH", "--x")).hasMessageContaining("'NaN' is not a number");
    }

    @Test
    void rowsOfAnotherWidthAreRejected() throws Exception {
        Path file = write("a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + " line 3: 2 fields but the header has 3 (a, b, c)");
    }

    @Test
    void malformedCsvAndDuplicateColumns() throws Exception {
        assertThatThrownBy(() -> CsvTable.read(write("a,b\n1,\"2\n"))).isInstanceOf(InputException.class)
                .hasMessageContaining("not valid CSV");
        assertThatThrownBy(() -> CsvTable.read(write("a,a\n1,2\n"))).isInstanceOf(InputException.class)
                .hasMessageContaining("column 'a' appears twice");
    }
}
