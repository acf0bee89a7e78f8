package dev.gradsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gradsheet.engine.GradientCheck;
import dev.gradsheet.sheet.Expectation;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code check --json}, the shape docs/command-line.md documents for grading scripts:
 * {@code {"passed", "failed", "unreadable", "files": [{"file", "status", "errors", "reasons", "tolerance",
 * "claims": [{"target", "cell", "quantity", "claimed", "computed", "holds", "line"}],
 * "finiteDifference": {"tolerance", "worstRelativeError", "worstCell", "ok", "cells": [...]}}]}}.
 * {@code errors} holds at most {@link ErrorLines#MAX} lines and one saying how many more; a file
 * without cells has no {@code finiteDifference}, and one where no cell could be compared no
 * {@code worstRelativeError} or {@code worstCell}: the report never says {@code null}.
 */
final class CheckReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckReport() {
    }

    static ObjectNode json(List<Grade> grades) {
        ObjectNode root = JSON.createObjectNode();
        long passed = grades.stream().filter(Grade::passed).count();
        long unreadable = grades.stream().filter(g -> !g.readable()).count();
        root.put("passed", passed);
        root.put("failed", grades.size() - passed);
        root.put("unreadable", unreadable);
        ArrayNode files = root.putArray("files");
        for (Grade g : grades) {
            file(g, files.addObject());
        }
        return root;
    }

    private static void file(Grade g, ObjectNode n) {
        n.put("file", g.file().toString());
        n.put("status", !g.readable() ? "unreadable" : g.passed() ? "passed" : "failed");
        ArrayNode errors = n.putArray("errors");
        ErrorLines.capped(g.errors(), g.file()).forEach(errors::add);
        if (!g.readable()) {
            return;
        }
        ArrayNode reasons = n.putArray("reasons");
        g.reasons().forEach(reasons::add);
        n.put("tolerance", g.tolerance());
        ArrayNode claims = n.putArray("claims");
        for (Expectation.Result r : g.claims()) {
            ObjectNode c = claims.addObject();
            Expectation e = r.expectation();
            c.put("target", e.target());
            c.put("cell", e.cell());
            c.put("quantity", e.quantity().name().toLowerCase(Locale.ROOT));
            c.put("claimed", e.claimed());
            c.put("computed", r.computed());
            c.put("holds", r.holds());
            c.put("line", e.line());
        }
        GradientCheck fd = g.fd();
        if (fd == null) {
            return;
        }
        ObjectNode f = n.putObject("finiteDifference");
        f.put("tolerance", g.fdTolerance());
        if (fd.compared()) {
            f.put("worstRelativeError", fd.worstError());
            f.put("worstCell", fd.worstCell());
        }
        f.put("ok", g.fdOk());
        ArrayNode cells = f.putArray("cells");
        for (GradientCheck.Entry e : fd.entries()) {
            ObjectNode c = cells.addObject();
            c.put("name", e.name());
            c.put("analytic", e.analytic());
            c.put("numeric", e.numeric());
            c.put("relativeError", e.relativeError());
        }
    }
}
