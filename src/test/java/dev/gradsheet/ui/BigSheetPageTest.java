package dev.gradsheet.ui;

import dev.gradsheet.server.ServerConfig;
import dev.gradsheet.server.ServerLimits;
import dev.gradsheet.server.SharedSheet;
import dev.gradsheet.server.SheetRegistry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.ListDataProvider;
import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.Generators;
import dev.gradsheet.sheet.SheetFile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a big sheet: nothing proportional to a big sheet's size happens on open (the graph picture
 * reads cell by cell, the name lists are fetched lazily) and a big sheet's autosave waits for a pause.
 */
class BigSheetPageTest extends KaribuTestBase {

    private static Sheet mlp(int n) throws Exception {
        return SheetFile.parse(Generators.text(w -> Generators.mlp(n, 1, w)), "mlp.sheet").sheet();
    }

    private static Set<String> ids(GraphModel.Picture p) {
        return p.nodes().stream().map(GraphModel.Node::id).collect(Collectors.toSet());
    }

    @Test
    void theCellByCellPictureOfABigSheetIsTheIndexedOneOfTheSameSheet() throws Exception {
        Sheet sheet = mlp(12); // a neighbourhood picture on both paths
        GraphModel indexed = new GraphModel(sheet);
        GraphModel cellByCell = new GraphModel(sheet, 0);
        List<String> weights = sheet.weights();
        for (String selected : java.util.Arrays.asList(null, weights.get(0), weights.get(weights.size() - 1), sheet.objective())) {
            for (boolean collapse : List.of(true, false)) {
                for (boolean showWeights : List.of(true, false)) {
                    GraphModel.Picture a = indexed.picture(selected, collapse, showWeights);
                    GraphModel.Picture b = cellByCell.picture(selected, collapse, showWeights);
                    String what = selected + " collapse=" + collapse + " weights=" + showWeights;
                    assertThat(a.neighbourhood()).as(what).isTrue();
                    assertThat(b.neighbourhood()).as(what).isTrue();
                    assertThat(ids(b)).as(what).isEqualTo(ids(a));
                    assertThat(Set.copyOf(b.edges())).as(what).isEqualTo(Set.copyOf(a.edges()));
                    assertThat(b.nodes()).as(what).containsExactlyInAnyOrderElementsOf(a.nodes());
                    assertThat(b.selected()).as(what).isEqualTo(a.selected());
                    assertThat(b.total()).isEqualTo(sheet.size());
                    if (selected != null) {
                        assertThat(cellByCell.shownAs(selected, collapse, showWeights)).as(what)
                                .isEqualTo(indexed.shownAs(selected, collapse, showWeights));
                    }
                }
            }
            assertThat(cellByCell.argumentsOf(sheet.objective())).isEqualTo(indexed.argumentsOf(sheet.objective()));
        }
    }

    @Test
    void aBigSheetOpensWithANeighbourhoodPictureAndLazyNameLists() throws Exception {
        SharedSheet shared = registry.create(SheetFile.parse(Generators.text(w -> Generators.mlp(64, 1, w)), "mlp.sheet"));
        assertThat(shared.sheet().size()).isGreaterThan(GraphModel.INDEXED_UP_TO).isGreaterThan(NameChoices.LISTED_UP_TO);
        UI.getCurrent().navigate("sheet/" + shared.id());
        roundtrip();
        SheetView view = _get(SheetView.class);
        GraphModel.Picture picture = view.graph().picture();
        assertThat(picture.neighbourhood()).isTrue();
        assertThat(picture.total()).isEqualTo(shared.sheet().size());
        assertThat(picture.nodes().size()).isBetween(2, GraphModel.NEIGHBOURHOOD_LIMIT);
        assertThat(picture.objective()).isEqualTo(shared.sheet().objective());
        // the combo boxes of cell names fetch pages instead of holding every name
        assertThat(view.toolbar().objective.getDataProvider()).isNotInstanceOf(ListDataProvider.class);
        assertThat(view.addForm().arg1.getDataProvider()).isNotInstanceOf(ListDataProvider.class);
        assertThat(view.toolbar().objective.getValue()).isEqualTo(shared.sheet().objective());
        // a small sheet still hands over its list
        SharedSheet small = registry.create(dev.gradsheet.sheet.Examples.WORKED.load());
        UI.getCurrent().navigate("sheet/" + small.id());
        roundtrip();
        assertThat(_get(SheetView.class).toolbar().objective.getDataProvider()).isInstanceOf(ListDataProvider.class);
    }

    @Test
    void aBigSheetsNameListIsFetchedPageByPageAndFiltered() throws Exception {
        Sheet sheet = mlp(64);
        List<String> names = sheet.names();
        assertThat(NameChoices.page(sheet, "", 0, 50)).isEqualTo(names.subList(0, 50));
        assertThat(NameChoices.page(sheet, "", 50, 50)).isEqualTo(names.subList(50, 100));
        String last = names.get(names.size() - 1);
        assertThat(NameChoices.page(sheet, last, 0, 50)).first().isEqualTo(last); // an exact name first
        String needle = names.get(1000).substring(0, Math.min(3, names.get(1000).length()));
        List<String> matching = names.stream().filter(n -> n.toLowerCase().contains(needle.toLowerCase())).limit(20).toList();
        assertThat(NameChoices.page(sheet, needle, 0, 20)).containsAll(matching.stream()
                .filter(n -> !n.equals(needle)).limit(19).toList());
        assertThat(NameChoices.page(sheet, "no-such-cell-anywhere", 0, 50)).isEmpty();
    }

    @Test
    void aBigSheetIsAutosavedAfterAPauseNotAfterEveryEdit() throws Exception {
        SharedSheet big = registry.create(SheetFile.parse(LargeSheetTest.chain(SheetRegistry.BIG_SHEET_CELLS + 10), "big.sheet"));
        SharedSheet small = registry.create(dev.gradsheet.sheet.Examples.WORKED.load());
        assertThat(SheetRegistry.saveDelayMs(big)).isEqualTo(SheetRegistry.BIG_SAVE_QUIET_MS);
        assertThat(SheetRegistry.saveDelayMs(small)).isEqualTo(SheetRegistry.SAVE_DELAY_MS);
        big.sheet().setValue("w", 0.9);
        big.sheet().setValue("w", 0.8);
        // nothing was written on the edit's path; the pending save is written on flush (or eviction)
        assertThat(registry.store().revision(big.id())).isZero();
        registry.flush();
        assertThat(registry.store().revision(big.id())).isEqualTo(1);
        assertThat(registry.store().text(big.id()).orElseThrow()).contains("w = weight(0.8)");
    }

    @Test
    void aTeachersServerMayRaiseTheUploadLimitToOpenABigFile() throws Exception {
        ServerLimits raised = new ServerConfig().serverLimits(10_000, 1_000_000, 1, 16, java.time.Duration.ofMinutes(10),
                org.springframework.util.unit.DataSize.parse("256MB"), org.springframework.util.unit.DataSize.parse("64MB"));
        assertThat(raised.uploadBytes()).isEqualTo(64 << 20);
        assertThat(ServerLimits.defaults().uploadBytes()).isEqualTo(SheetToolbar.MAX_UPLOAD_BYTES);
        SharedSheet shared = registry.create(dev.gradsheet.sheet.Examples.WORKED.load());
        SheetToolbar toolbar = new SheetToolbar(new SheetPresenter(shared, raised, registry.jobs()));
        UI.getCurrent().add(toolbar);
        List<byte[]> opened = new java.util.ArrayList<>();
        toolbar.addOpenListener(e -> opened.add(e.bytes()));
        byte[] file = LargeSheetTest.chain(60_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(SheetToolbar.MAX_UPLOAD_BYTES); // refused by a default server
        assertThat(toolbar.upload.getMaxFileSize()).isEqualTo(64 << 20);
        com.github.mvysny.kaributesting.v10.UploadKt._upload(toolbar.upload, "big.sheet", "text/plain", file);
        roundtrip();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).isEqualTo(file);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ServerLimits(1, 1, 1, 0, java.time.Duration.ZERO, 0, 0))).isNotNull();
    }
}
