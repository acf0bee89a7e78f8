package dev.gradsheet.server;

import java.time.Duration;

/**
 * What one server lets its visitors use, set in {@code application.properties} or the environment
 * (see docs/running-a-server.md): steps per click of "Apply SGD step", epochs per training
 * run, the job pool's workers and queue, how long an unopened sheet stays in memory, and the undo
 * memory shared by all sheets.
 *
 * @param stepsPerClick most SGD steps one click may ask for
 * @param maxEpochs     most epochs one training run may ask for
 * @param workers       long jobs (training, long SGD requests) in progress at once; they share the
 *                      processors in turns (see {@link RunLimits#cpus()})
 * @param queue         jobs that may wait for a worker; more are refused
 * @param evictAfter    a sheet no tab has open leaves memory after this long (it stays on disk)
 * @param undoBudget    bytes of undo history all sheets in memory may keep together
 * @param uploadBytes   largest {@code .sheet} file the page accepts (a teacher's own server may
 *                      raise it to open a million-cell sheet)
 */
public record ServerLimits(int stepsPerClick, int maxEpochs, int workers, int queue, Duration evictAfter,
                           long undoBudget, int uploadBytes) {
    /** The page's upload limit unless {@code gradsheet.limits.upload} says otherwise: 1 MB. */
    public static final int DEFAULT_UPLOAD_BYTES = 1_000_000;
    /** The largest training table (CSV) the page takes: 5 MB, within what the CSV reader accepts. */
    public static final int MAX_CSV_BYTES = (int) Math.min(dev.gradsheet.train.CsvData.MAX_BYTES, 5_000_000);

    /** Bytes a multipart request may add to its file: boundaries and part headers. */
    public static final long MULTIPART_ENVELOPE = 64 * 1024;

    /**
     * The largest upload request the server takes: the largest file the page accepts (a sheet, or a
     * training table) and its multipart envelope. The servlet's multipart limit and the request-size
     * filter both use it.
     */
    public long uploadRequestBytes() {
        return Math.max(uploadBytes, MAX_CSV_BYTES) + MULTIPART_ENVELOPE;
    }

    /** Limits with the default upload size. */
    public ServerLimits(int stepsPerClick, int maxEpochs, int workers, int queue, Duration evictAfter, long undoBudget) {
        this(stepsPerClick, maxEpochs, workers, queue, evictAfter, undoBudget, DEFAULT_UPLOAD_BYTES);
    }

    /** Long jobs in progress at once unless {@code gradsheet.jobs.workers} says otherwise. */
    public static final int DEFAULT_WORKERS = 16;

    /** The defaults: 10,000 steps, 1,000,000 epochs, 16 jobs in progress and 16 waiting, 10 minutes, 256 MB. */
    public static ServerLimits defaults() {
        return new ServerLimits(10_000, 1_000_000, DEFAULT_WORKERS, 16,
                Duration.ofMinutes(10), 256L << 20);
    }

    public ServerLimits {
        if (stepsPerClick < 1 || maxEpochs < 1 || workers < 1 || queue < 0 || evictAfter.isNegative() || undoBudget < 0
                || uploadBytes < 1 || uploadBytes > dev.gradsheet.sheet.SheetFile.MAX_BYTES) {
            throw new IllegalArgumentException("gradsheet limits must be positive: " + this);
        }
    }
}
