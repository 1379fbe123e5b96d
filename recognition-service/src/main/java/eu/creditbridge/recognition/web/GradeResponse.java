package eu.creditbridge.recognition.web;

import eu.creditbridge.recognition.domain.Grade;

record GradeResponse(String value, String scheme, boolean passed) {

    static GradeResponse of(Grade grade) {
        return new GradeResponse(grade.value(), grade.scheme(), grade.passed());
    }
}
