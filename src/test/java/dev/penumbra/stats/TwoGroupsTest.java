package dev.penumbra.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoGroupsTest {

    @TempDir
    Path tmp;

    private CsvTable table(String text) throws Exception {
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, text);
        return CsvTable.read(file);
    }

    @Test
    void unpairedKeepsTableOrderAndIgnoresOtherGroups() throws Exception {
        CsvTable t = table("img,model,dice\n1,a,0.1\n1,b,0.2\n1,c,9\n2,b,0.4\n2,a,0.3\n");
        TwoGroups.Samples s = new TwoGroups("dice", "model", "a", "b").unpaired(t);
        assertThat(s.a()).containsExactly(0.1, 0.3);
        assertThat(s.b()).containsExactly(0.2, 0.4);
    }

    @Test
    void pairedMatchesRowsById() throws Exception {
        CsvTable t = table("img,model,dice\n2,b,0.4\n1,a,0.1\n2,a,0.3\n1,b,0.2\n");
        TwoGroups.Samples s = new TwoGroups("dice", "model", "a", "b").paired(t, "img");
        assertThat(s.a()).containsExactly(0.1, 0.3);
        assertThat(s.b()).containsExactly(0.2, 0.4);
    }

    @Test
    void pairedNamesMissingAndRepeatedIds() throws Exception {
        CsvTable t = table("img,model,dice\n1,a,0.1\n2,a,0.3\n2,a,0.5\n1,b,0.2\n3,b,0.6\n");
        assertThatThrownBy(() -> new TwoGroups("dice", "model", "a", "b").paired(t, "img"))
                .isInstanceOf(InputException.class).hasMessageContaining("--pair img")
                .hasMessageContaining("missing from group 'b': 2").hasMessageContaining("missing from group 'a': 3")
                .hasMessageContaining("more than once in group 'a': 2");
    }

    @Test
    void unknownGroupListsTheValues() throws Exception {
        CsvTable t = table("img,model,dice\n1,unet,0.1\n2,punet,0.3\n3,unet,0.5\n");
        assertThatThrownBy(() -> new TwoGroups("dice", "model", "unet", "mcdropout").unpaired(t))
                .isInstanceOf(InputException.class).hasMessage("--b mcdropout: no rows with group == mcdropout in"
                        + " column 'model'; values are: unet, punet");
    }

    @Test
    void sameGroupTwiceIsRejected() {
        assertThatThrownBy(() -> new TwoGroups("dice", "model", "unet", "unet"))
                .isInstanceOf(InputException.class).hasMessageContaining("--a and --b are both 'unet'");
    }
}
