package eu.creditbridge.registry.application.operations;

import eu.creditbridge.registry.domain.operations.PipelineSample;

/** Looks at the broker: the watched topics' offsets and every consumer group's members and commits. */
public interface PipelineProbe {

    /** @throws RuntimeException when the broker does not answer in time */
    PipelineSample sample();
}
