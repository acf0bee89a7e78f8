package dev.gradsheet.load.agent;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The server's vital signs for the load test's table: heap in use (after a full collection when
 * asked), threads (all, and without the mocked students' own), live UIs and push channels, the
 * job pool's running and waiting runs, sheets in memory, and the requests the browsers made. The
 * job pool and the registry are read by method name, so an older server (without some of them)
 * reports what it has.
 */
final class ServerGauges {
    private final ApplicationContext context;
    private final UiGauge uis;
    private final RequestCounter requests;

    ServerGauges(ApplicationContext context, UiGauge uis, RequestCounter requests) {
        this.context = context;
        this.uis = uis;
        this.requests = requests;
    }

    /** A snapshot; {@code collect}: run a full garbage collection first, so the heap is what is kept. */
    Map<String, Object> read(boolean collect) {
        if (collect) {
            System.gc();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heapUsedMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024));
        out.put("heapAfterGc", collect);
        int students = 0;
        int all = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            all++;
            if (t.getName().startsWith("load-student-")) {
                students++;
            }
        }
        out.put("threads", all);
        out.put("serverThreads", all - students);
        out.put("browserUis", uis.browserUis());
        out.put("mockedUis", uis.mockedUis());
        out.put("pushConnected", uis.pushConnected());
        Object pool = bean("dev.gradsheet.jobs.JobPool");
        out.put("jobsRunning", call(pool, "running"));
        out.put("jobsWaiting", call(pool, "waiting"));
        Object registry = bean("dev.gradsheet.server.SheetRegistry");
        if (registry == null) {
            registry = bean("dev.gradsheet.ui.SheetRegistry");
        }
        out.put("liveSheets", call(registry, "liveCount"));
        out.put("requests", requests.counts());
        out.put("uidlCount", requests.uidlMillis().count());
        out.put("uidlP50Ms", requests.uidlMillis().percentile(50));
        out.put("uidlP95Ms", requests.uidlMillis().percentile(95));
        out.put("load", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return out;
    }

    private Object bean(String className) {
        try {
            return context.getBean(Class.forName(className));
        } catch (ClassNotFoundException | org.springframework.beans.BeansException e) {
            return null;
        }
    }

    /** The number {@code target.name()} returns, or null when there is no such method. */
    private static Object call(Object target, String name) {
        if (target == null) {
            return null;
        }
        try {
            Method m = target.getClass().getMethod(name);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
