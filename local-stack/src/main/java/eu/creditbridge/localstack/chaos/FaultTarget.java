package eu.creditbridge.localstack.chaos;

import eu.creditbridge.localstack.LocalStack;

/** What a {@link FaultSchedule} breaks and mends: the running stack, or a stand-in in a test. */
interface FaultTarget {

    /** Takes the fault's component down. */
    void inflict(Fault fault);

    /** Starts the component again and returns once it is ready. */
    void recover(Fault fault);

    static FaultTarget of(LocalStack stack) {
        return new FaultTarget() {
            @Override
            public void inflict(Fault fault) {
                fault.inflict(stack);
            }

            @Override
            public void recover(Fault fault) {
                fault.recover(stack);
            }
        };
    }
}
