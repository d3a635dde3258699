package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.config.Preset;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.Split;
import dev.penumbra.data.layout.PublishedFixtures;
import dev.penumbra.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

/** {@code train} without {@code --preset} takes the preset that fits the data's layout, and says so. */
class PresetChoiceTest {

    private static PresetChoice choose(Path data, String... presetArgs) {
        PresetOption option = CommandLine.populateCommand(new PresetOption(), presetArgs);
        DataOptionsMixin reading = CommandLine.populateCommand(new DataOptionsMixin());
        return PresetChoice.of(option, presetArgs.length > 0, data.toString(), reading);
    }

    /** ISIC 2018 as downloaded, 32 x 48 images: 3 training, 1 validation, 1 test. */
    private static Path isicChallenge(Path root) {
        for (int i = 0; i < 3; i++) {
            PublishedFixtures.isicImage(root, Split.TRAIN, "ISIC_000000" + i, 32, 48);
        }
        PublishedFixtures.isicImage(root, Split.VAL, "ISIC_0000010", 32, 48);
        PublishedFixtures.isicImage(root, Split.TEST, "ISIC_0000020", 32, 48);
        return root;
    }

    @Test
    void isicDataInEitherLayoutGetsTheIsicPreset(@TempDir Path tmp) {
        PresetChoice challenge = choose(isicChallenge(tmp.resolve("challenge")));
        assertThat(challenge.preset()).isEqualTo(Preset.ISIC);
        assertThat(challenge.message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("preset isic: it fits the isic-challenge layout of"));
        Path rearranged = DataFixtures.isic(tmp.resolve("isic"), new String[] {"a"}, new String[] {"b"},
                new String[] {"c"});
        assertThat(choose(rearranged).preset()).isEqualTo(Preset.ISIC);
    }

    @Test
    void lidcCropsGetTheLidcPresetAndOtherDataTheDefault(@TempDir Path tmp) {
        PresetChoice kohl = choose(PublishedFixtures.kohl(tmp.resolve("kohl")));
        assertThat(kohl.preset()).isEqualTo(Preset.LIDC);
        assertThat(kohl.message()).hasValueSatisfying(m -> assertThat(m).contains("lidc-kohl layout"));
        Path folder = tmp.resolve("folder");
        for (Split s : Split.values()) {
            DataFixtures.folderSample(folder.resolve(s.folder()), s.folder(), "a");
        }
        PresetChoice other = choose(folder);
        assertThat(other.preset()).isEqualTo(Preset.LIDC);
        assertThat(other.message()).hasValueSatisfying(m -> assertThat(m)
                .contains("the default: no preset belongs to the folder layout"));
    }

    @Test
    void anExplicitPresetWinsAndNeedsNoMessage(@TempDir Path tmp) {
        PresetChoice given = choose(isicChallenge(tmp), "--preset", "demo");
        assertThat(given.preset()).isEqualTo(Preset.DEMO);
        assertThat(given.message()).isEmpty();
    }

    @Test
    void trainRecordsTheChosenPresetAndSaysSo(@TempDir Path tmp) throws Exception {
        Path data = isicChallenge(tmp.resolve("data"));
        String[] common = {"--model", "softmax", "--data", data.toString(), "--size", "32", "--filters",
            "4,8,16,32", "--batch-size", "2", "--max-steps", "1", "--threads", "2", "--quiet"};
        Cli auto = Cli.run(concat(new String[] {"train", "--out", tmp.resolve("auto").toString()}, common));
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("preset isic: it fits the isic-challenge layout of " + data);
        assertThat(Json.MAPPER.readTree(tmp.resolve("auto/run.json").toFile()).get("preset").asText())
                .isEqualTo("isic");

        Cli given = Cli.run(concat(new String[] {"train", "--out", tmp.resolve("given").toString(), "--preset",
            "demo"}, common));
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out()).doesNotContain("preset isic");
        assertThat(Json.MAPPER.readTree(tmp.resolve("given/run.json").toFile()).get("preset").asText())
                .isEqualTo("demo");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
