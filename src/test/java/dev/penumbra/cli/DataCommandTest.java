package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @Test
    void makeSyntheticThenCheckReportsCountsAndAgreement(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("amb");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", out.toString(), "--size", "32",
                "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("6/2/2 images of 32x32");

        Cli checked = Cli.run("data", "check", out.toString());
        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("lidc").contains("train").contains("val").contains("test");

        Cli json = Cli.run("data", "check", out.toString(), "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode tree = Json.MAPPER.readTree(json.out());
        assertThat(tree.get("layout").asText()).isEqualTo("lidc");
        int total = 0;
        for (JsonNode split : tree.get("splits")) {
            total += split.get("images").asInt();
            assertThat(split.get("annotators").toString()).contains("\"4\"");
        }
        assertThat(total).isEqualTo(10);
    }

    @Test
    void checkTakesTheDatasetAsDataOrAsTheDataOptionOfTheOtherCommandsButNotBoth(@TempDir Path tmp) {
        Path out = tmp.resolve("amb");
        assertThat(Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", out.toString(), "--size", "32",
                "--count", "10").exitCode()).isZero();
        Cli positional = Cli.run("data", "check", out.toString());
        Cli option = Cli.run("data", "check", "--data", out.toString());
        assertThat(option.exitCode()).as(option.err()).isZero();
        assertThat(option.out()).isEqualTo(positional.out()).contains("lidc");

        Cli both = Cli.run("data", "check", out.toString(), "--data", out.toString());
        assertThat(both.isCleanInputError()).as(both.err()).isTrue();
        assertThat(both.err()).contains("given twice").contains("DATA").contains("--data");
        Cli neither = Cli.run("data", "check");
        assertThat(neither.isCleanInputError()).as(neither.err()).isTrue();
        assertThat(neither.err()).contains("no dataset given").contains("--data");
    }

    @Test
    void checkOfAMissingFolderIsACleanError(@TempDir Path tmp) {
        Cli r = Cli.run("data", "check", tmp.resolve("nope").toString());
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("nope").contains("does not exist");
    }

    @Test
    void checkOfAFolderWithoutLayoutIsACleanError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli r = Cli.run("data", "check", tmp.toString());
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
    }

    @Test
    void unknownSyntheticKindIsACleanError(@TempDir Path tmp) {
        Cli r = Cli.run("data", "make-synthetic", "--kind", "fuzzy", "--out", tmp.resolve("x").toString());
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("fuzzy").contains("ambiguous, unambiguous");
    }

    @Test
    void makeSyntheticNeverWritesIntoAForeignFolder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("mine.txt"), "precious");
        Cli r = Cli.run("data", "make-synthetic", "--kind", "unambiguous", "--out", tmp.toString());
        assertThat(r.isCleanInputError()).as(r.err()).isTrue();
        assertThat(tmp.resolve("mine.txt")).hasContent("precious");
        assertThat(Files.list(tmp).count()).isEqualTo(1);
    }
}
