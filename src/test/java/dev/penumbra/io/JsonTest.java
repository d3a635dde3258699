package dev.penumbra.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Note(@JsonProperty(required = true) String title, List<String> lines) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "{{{", "{\"title\": \"cut", "{\"lines\": []}", "[1, 2]"})
    void unreadableContentIsAnInputErrorNamingTheFileAndWhatItShouldHold(String content, @TempDir Path tmp)
            throws Exception {
        Path file = tmp.resolve("note.json");
        Files.writeString(file, content);
        assertThatThrownBy(() -> Json.readFile(file, Note.class, "a note", "penumbra note"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("note.json in " + tmp.toAbsolutePath() + " is not a note: ")
                .hasMessageContaining("written by `penumbra note`")
                .hasMessageNotContaining("[Source:");
    }

    @Test
    void theReasonSaysWhatIsWrong(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("note.json");
        Files.writeString(file, "null");
        assertThatThrownBy(() -> Json.readFile(file, Note.class, "a note", "x")).hasMessageContaining("holds null");
        Files.writeString(file, "");
        assertThatThrownBy(() -> Json.readFile(file, Note.class, "a note", "x")).hasMessageContaining("is empty");
        Files.writeString(file, "{\"lines\": []}");
        assertThatThrownBy(() -> Json.readFile(file, Note.class, "a note", "x")).hasMessageContaining("'title'");
    }

    @Test
    void aWellFormedFileReads(@TempDir Path tmp) {
        Path file = tmp.resolve("note.json");
        Json.write(file, new Note("t", List.of("a")));
        assertThat(Json.readFile(file, Note.class, "a note", "x")).isEqualTo(new Note("t", List.of("a")));
    }

    @Test
    void aFileThatCannotBeOpenedIsAnIoErrorNotAnInputError(@TempDir Path tmp) {
        assertThatThrownBy(() -> Json.readFile(tmp.resolve("absent.json"), Note.class, "a note", "x"))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
