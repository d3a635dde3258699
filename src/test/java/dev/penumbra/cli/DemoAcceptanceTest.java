package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoAcceptanceTest {

    private static DemoCommand.RunResult run(String dataset, String model, double majorityDice, double clearDice,
                                             double diversity, boolean sampling, List<String> health) {
        return new DemoCommand.RunResult(dataset, "lidc", model, 48, 40, 180, 20, 0.1, 10, majorityDice, clearDice,
                0.05, sampling ? 10 : 1, 0.5, diversity, sampling, health, "run", "predictions", Double.NaN);
    }

    @Test
    void aModelThatFindsTheClearLesionsSegmentsWhateverItMakesOfTheSplitOnes() {
        // the demo's Prob. U-Net of 2026-12-07: 0.567 over every lesion, 0.81 over the clear ones
        List<DemoAcceptance.Check> checks = DemoAcceptance.of(List.of(
                run("ambiguous", "punet", 0.567, 0.81, 0.485, true, List.of())));
        assertThat(checks).extracting(DemoAcceptance.Check::check).containsExactly(
                "majority Dice on clear lesions 0.810 >= 0.6", "sample diversity 0.485 >= 0.1", "no health flag");
        assertThat(checks).allMatch(DemoAcceptance.Check::passed);
        assertThat(DemoAcceptance.text(checks)).startsWith("Demo checks: 3 of 3 held");
    }

    @Test
    void aModelThatMissesClearLesionsOrDoesNotSampleOrIsFlaggedFails() {
        List<DemoAcceptance.Check> checks = DemoAcceptance.of(List.of(
                run("ambiguous", "softmax", 0.7, 0.45, 0, false, List.of()),
                run("ambiguous", "mcdropout", 0.7, 0.7, 0.05, true, List.of()),
                run("unambiguous", "punet", 0.9, 0.9, 0.0, true, List.of("kl_collapsed"))));
        assertThat(checks).filteredOn(c -> !c.passed()).extracting(c -> c.run() + ": " + c.check()).containsExactly(
                "ambiguous/softmax: majority Dice on clear lesions 0.450 >= 0.6",
                "ambiguous/mcdropout: sample diversity 0.050 >= 0.1",
                "unambiguous/punet: health flags: kl_collapsed");
        assertThat(DemoAcceptance.text(checks)).contains("demo check failed: ambiguous/softmax")
                .contains("Demo checks: 4 of 7 held; the numbers above are not evidence until they do");
    }
}
