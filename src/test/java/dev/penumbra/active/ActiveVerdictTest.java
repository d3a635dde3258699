package dev.penumbra.active;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.evaluate.Verdict.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The active-learning verdict's paired t interval against scipy 1.10.1:
 * {@code d = np.array([...]); stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d))}.
 */
class ActiveVerdictTest {

    /** Final test losses of random per seed 1, 2, ...: 0.5 each; the strategy's are 0.5 + d. */
    private static Finding finding(double... d) {
        Map<Long, Double> random = new LinkedHashMap<>();
        Map<Long, Double> mine = new LinkedHashMap<>();
        for (int i = 0; i < d.length; i++) {
            random.put((long) i + 1, 0.5);
            mine.put((long) i + 1, 0.5 + d[i]);
        }
        return new Finding(ActiveVerdict.compare("entropy", mine, random));
    }

    private record Finding(ActiveVerdict.Finding f) {
    }

    @Test
    void anIntervalBelowZeroMeansEntropyBeatRandom() {
        // scipy: mean -0.01875, interval (-0.032337654418982446, -0.005162345581017554)
        ActiveVerdict.Finding f = finding(-0.02, -0.015, -0.03, -0.01).f();
        assertThat(f.answer()).isEqualTo(Answer.YES);
        assertThat(f.because()).contains("-0.0188").contains("[-0.0323, -0.0052]").contains("4 seeds");
    }

    @Test
    void anIntervalAboveZeroMeansRandomWasBetterAndOneHoldingZeroIsNoEvidence() {
        // scipy: mean 0.01875, interval (0.005162345581017554, 0.032337654418982446)
        assertThat(finding(0.02, 0.015, 0.03, 0.01).f().answer()).isEqualTo(Answer.NO);
        // scipy: mean 0.015666666666666666, interval (-0.01878442174816811, 0.050117755081501444)
        ActiveVerdict.Finding f = finding(0.012, 0.031, 0.004).f();
        assertThat(f.answer()).isEqualTo(Answer.NO_EVIDENCE);
        assertThat(f.because()).contains("[-0.0188, 0.0501]");
    }

    @Test
    void oneSeedIsNotEnoughEvidence() {
        ActiveVerdict.Finding f = finding(-0.2).f();
        assertThat(f.answer()).isEqualTo(Answer.NOT_ENOUGH_EVIDENCE);
        assertThat(f.because()).contains("1 seed").contains("-0.2000");
    }
}
