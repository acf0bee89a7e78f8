package dev.gradsheet.load.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * What one simulated student did and saw, sent to the load test as JSON: its actions, its training
 * runs' steps and time, its Pause latencies, the longest a playing run's step count stood still, and
 * at the end the numbers its page showed and the sheet its Download link gave. Public fields: a
 * plain record for Jackson, filled by the student's own thread.
 */
public final class StudentReport {
    public String student;
    public String kind;
    public String sheet;
    public int edits;
    public int sgdClicks;
    /** Steps trained while playing, and the seconds played. */
    public long steps;
    public double playSeconds;
    public int plays;
    /** Pause click to the page saying paused, server side (the mocked page has no network), ms. */
    public List<Double> pauseMillis = new ArrayList<>();
    /** The longest time a playing run's step count did not move, in seconds. */
    public double longestStallSeconds;
    /** The page's grid at the end: rows of name, value, gradient as shown. */
    public List<List<String>> rows = new ArrayList<>();
    /** The sheet's text from its Download link at the end. */
    public String downloaded;
    public List<String> errors = new ArrayList<>();

    /** Steps per second over the time played, or NaN before any play. */
    public double stepsPerSecond() {
        return playSeconds > 0 ? steps / playSeconds : Double.NaN;
    }
}
