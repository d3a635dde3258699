package dev.penumbra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

class GroupSplitterTest {

    /** Items "P<g>_<i>": 20 groups of 1..3 items. */
    private static List<String> items() {
        List<String> items = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            for (int i = 0; i <= g % 3; i++) {
                items.add(String.format("P%02d_%d", g, i));
            }
        }
        return items;
    }

    private static final Function<String, String> GROUP = s -> s.substring(0, 3);

    private static Map<Split, List<String>> split(List<String> items, long seed) {
        return GroupSplitter.split(items, GROUP, 0.15, 0.15, seed, "data folder x");
    }

    @Test
    void noGroupIsInTwoSplitsAndEveryItemIsSomewhere() {
        Map<Split, List<String>> out = split(items(), 42);
        Map<String, Split> splitOfGroup = new HashMap<>();
        out.forEach((s, list) -> list.forEach(item -> {
            Split before = splitOfGroup.put(GROUP.apply(item), s);
            assertThat(before == null || before == s).as("group of %s in %s and %s", item, before, s).isTrue();
        }));
        assertThat(out.values().stream().mapToInt(List::size).sum()).isEqualTo(items().size());
    }

    @Test
    void groupCountsFollowTheFractions() {
        Map<Split, List<String>> out = split(items(), 42);
        assertThat(out.get(Split.TEST).stream().map(GROUP).distinct().count()).isEqualTo(3); // round(0.15 * 20)
        assertThat(out.get(Split.VAL).stream().map(GROUP).distinct().count()).isEqualTo(3);
        assertThat(out.get(Split.TRAIN).stream().map(GROUP).distinct().count()).isEqualTo(14);
    }

    @Test
    void sameSeedSameSplitAndInputOrderKept() {
        Map<Split, List<String>> a = split(items(), 42);
        assertThat(split(items(), 42)).isEqualTo(a);
        for (List<String> list : a.values()) {
            assertThat(list).isSorted();
        }
    }

    @Test
    void anotherSeedGivesAnotherSplit() {
        assertThat(split(items(), 1)).isNotEqualTo(split(items(), 2));
    }

    @Test
    void threeGroupsGiveOneGroupPerSplit() {
        Map<Split, List<String>> out = GroupSplitter.split(List.of("P01_0", "P01_1", "P02_0", "P03_0"), GROUP,
                0.15, 0.15, 42, "data folder x");
        for (Split s : Split.values()) {
            assertThat(out.get(s)).as(s.folder()).isNotEmpty();
        }
    }

    @Test
    void fewerThanThreeGroupsIsAClearError() {
        assertThatThrownBy(() -> GroupSplitter.split(List.of("P01_0", "P01_1", "P02_0"), GROUP, 0.15, 0.15, 42,
                "data folder /d"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("data folder /d").hasMessageContaining("3 image(s) in 2 group(s)")
                .hasMessageContaining("at least 3 groups");
    }
}
