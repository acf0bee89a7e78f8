package dev.gradsheet.load.agent;

import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * The mocked students of a load run, all in the server's JVM on one Karibu servlet built on the
 * server's own Spring context (so their pages use the server's registry, job pool and database).
 * Each student has a thread of its own, named {@code load-student-N}.
 */
final class MockClass {
    /** The app's routes, by name: the page classes of any version of the app. */
    private static final List<String> ROUTES = List.of("dev.gradsheet.ui.SheetView", "dev.gradsheet.ui.StartView",
            "dev.gradsheet.ui.train.ActivationsView", "dev.gradsheet.ui.train.LossesView");

    private final MockSpringServlet servlet;
    private final List<MockStudent> students = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    MockClass(ApplicationContext context) {
        Set<Class<? extends HasErrorParameter<?>>> errorRoutes = new HashSet<>();
        servlet = new MockSpringServlet(new Routes(routeClasses(), errorRoutes, true), context, UI::new);
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends Component>> routeClasses() {
        Set<Class<? extends Component>> routes = new HashSet<>();
        for (String name : ROUTES) {
            try {
                routes.add((Class<? extends Component>) Class.forName(name));
            } catch (ClassNotFoundException e) {
                // an older app without this page
            }
        }
        return routes;
    }

    /** Starts {@code count} students of {@code kind} ({@code sheet}: the shared sheet's id, for sharers). */
    synchronized List<String> start(MockStudent.Kind kind, int count, String sheet, long seed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "load-student-" + (students.size() + 1);
            MockStudent student = new MockStudent(name, kind, sheet, servlet, seed + students.size());
            Thread thread = new Thread(student, name);
            thread.setDaemon(true);
            students.add(student);
            threads.add(thread);
            thread.start();
            names.add(name);
        }
        return names;
    }

    /** Asks every student to stop acting and waits (at most {@code seconds}) until all runs are paused; returns how many are quiet. */
    int stop(long seconds) throws InterruptedException {
        List<MockStudent> all = snapshot();
        all.forEach(MockStudent::stopActing);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int quiet = 0;
        for (MockStudent s : all) {
            if (s.quiet.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                quiet++;
            }
        }
        return quiet;
    }

    /** Every student's report, with the numbers its page shows now and its downloaded sheet. */
    List<StudentReport> read(long seconds) {
        List<CompletableFuture<StudentReport>> asked = snapshot().stream().map(MockStudent::readPage).toList();
        List<StudentReport> reports = new ArrayList<>();
        List<MockStudent> all = snapshot();
        for (int i = 0; i < asked.size(); i++) {
            try {
                reports.add(asked.get(i).get(seconds, TimeUnit.SECONDS));
            } catch (Exception e) {
                StudentReport r = all.get(i).report;
                r.errors.add("reading the page: " + e);
                reports.add(r);
            }
        }
        return reports;
    }

    /** Every student leaves (closes its tab); returns how many left within {@code seconds}. */
    int leave(long seconds) throws InterruptedException {
        List<MockStudent> all = snapshot();
        all.forEach(MockStudent::leave);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int left = 0;
        for (MockStudent s : all) {
            if (s.gone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                left++;
            }
        }
        synchronized (this) {
            students.removeAll(all);
            threads.clear();
        }
        return left;
    }

    private synchronized List<MockStudent> snapshot() {
        return List.copyOf(students);
    }
}
