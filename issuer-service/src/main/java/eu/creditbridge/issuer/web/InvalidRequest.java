package eu.creditbridge.issuer.web;

import java.util.List;

/** A request that cannot be accepted as sent, with every bad field named. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
