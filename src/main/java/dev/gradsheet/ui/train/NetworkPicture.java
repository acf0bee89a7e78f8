package dev.gradsheet.ui.train;

import dev.gradsheet.engine.Sheet;
import dev.gradsheet.sheet.DataTable;
import dev.gradsheet.train.DecisionMap;
import dev.gradsheet.train.NetworkStructure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The network of a layered sheet as {@link NetworkView} draws it, computed from the sheet: its
 * structure (neurons, edges and their numbers as they were read) and each neuron's own output over the
 * plane of the network's two inputs as a small PNG; or why it is not drawn. Computing reads the sheet;
 * drawing the picture does not, so the two can happen at different times.
 *
 * @param structure the network found in the formulas (its refusal when {@code refusal} is NOT_LAYERED)
 * @param neuronPictures each neuron's picture as a {@code data:} URI; empty when the data does not bind
 *                       the two inputs
 * @param refusal        why nothing is drawn, or null
 * @param limit          the limit a TOO_* refusal names
 * @param actual         what the sheet has beyond it
 */
public record NetworkPicture(NetworkStructure structure, Map<String, String> neuronPictures, Refusal refusal,
                             int limit, int actual) {
    /** Beyond this many neurons in a column the circles would overlap: the view says so instead. */
    static final int MAX_PER_LAYER = 16;
    /** Beyond this many columns the edges would be too short to read. */
    static final int MAX_LAYERS = 8;
    /** Finding the structure reads every cell, on each redraw: bigger sheets are not analysed. */
    static final int MAX_CELLS = 5_000;
    /** Cells per side of a neuron's picture. */
    static final int PICTURE = 12;
    /** Pictures cost 144 forward passes per neuron, under the sheet's lock: 2 a second is enough to watch. */
    static final long PICTURES_MS = 500;

    /** Why a sheet's network is not drawn. */
    public enum Refusal { TOO_BIG, NOT_LAYERED, TOO_WIDE, TOO_DEEP }

    private static NetworkPicture refused(NetworkStructure structure, Refusal why, int limit, int actual) {
        return new NetworkPicture(structure, Map.of(), why, limit, actual);
    }

    /** Whether each neuron carries its own picture. */
    public boolean withPictures() {
        return !neuronPictures.isEmpty();
    }

    /** The network of {@code sheet}, with pictures over {@code data}'s plane when it binds the two inputs. */
    public static NetworkPicture of(Sheet sheet, DataTable data) {
        return new Painter().paint(sheet, data, false);
    }

    /**
     * Computes one tab's network pictures, keeping the neurons' pictures between calls: while a run
     * goes on they are computed afresh at most every {@link #PICTURES_MS}, the edges every time.
     */
    public static final class Painter {
        private final Map<String, String> cache = new HashMap<>();
        private long drawnAt;

        /** The network of {@code sheet} now; {@code running}: a training run goes on. */
        public NetworkPicture paint(Sheet sheet, DataTable data, boolean running) {
            int size = sheet.size();
            if (size > MAX_CELLS) {
                return refused(null, Refusal.TOO_BIG, MAX_CELLS, size);
            }
            NetworkStructure structure = NetworkStructure.of(sheet);
            if (structure.refusal().isPresent()) {
                return refused(structure, Refusal.NOT_LAYERED, 0, 0);
            }
            List<List<NetworkStructure.Neuron>> layers = structure.layers();
            int widest = layers.stream().mapToInt(List::size).max().orElse(0);
            if (widest > MAX_PER_LAYER) {
                return refused(structure, Refusal.TOO_WIDE, MAX_PER_LAYER, widest);
            }
            if (layers.size() > MAX_LAYERS) {
                return refused(structure, Refusal.TOO_DEEP, MAX_LAYERS, layers.size());
            }
            List<String> inputs = structure.inputs();
            boolean pictures = data != null && inputs.size() == 2 && data.columnIndex(inputs.get(0)) >= 0
                    && data.columnIndex(inputs.get(1)) >= 0 && size <= DecisionPicture.MAX_CELLS;
            return new NetworkPicture(structure, pictures ? pictures(sheet, data, structure, running) : Map.of(), null, 0, 0);
        }

        private Map<String, String> pictures(Sheet sheet, DataTable data, NetworkStructure structure, boolean running) {
            long now = System.nanoTime();
            List<String> cells = structure.neurons().stream().map(NetworkStructure.Neuron::cell).toList();
            if (!running || now - drawnAt >= PICTURES_MS * 1_000_000 || !cache.keySet().containsAll(cells)) {
                cache.clear();
                drawnAt = now;
            }
            List<String> inputs = structure.inputs();
            Map<String, String> out = new HashMap<>();
            for (String cell : cells) {
                out.put(cell, cache.computeIfAbsent(cell,
                        c -> png(DecisionMap.compute(sheet, inputs.get(0), inputs.get(1), c, data, PICTURE))));
            }
            return Map.copyOf(out);
        }
    }

    /** A neuron's output over the plane as a tiny PNG: blue (its lowest) … white … orange (its highest). */
    static String png(DecisionMap map) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : map.outputs()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int size = map.size();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                double v = map.at(i, j);
                double t = hi > lo && Double.isFinite(v) ? (v - lo) / (hi - lo) : 0.5;
                image.setRGB(i, size - 1 - j, colour(t)); // row 0 of the image is the top
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static int colour(double t) {
        int[] blue = {8, 119, 189};
        int[] orange = {245, 147, 34};
        int[] end = t < 0.5 ? blue : orange;
        double k = Math.abs(t - 0.5) * 2;
        int r = (int) Math.round(255 + (end[0] - 255) * k);
        int g = (int) Math.round(255 + (end[1] - 255) * k);
        int b = (int) Math.round(255 + (end[2] - 255) * k);
        return (r << 16) | (g << 8) | b;
    }
}
