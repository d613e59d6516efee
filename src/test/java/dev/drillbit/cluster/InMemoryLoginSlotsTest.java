package dev.drillbit.cluster;

/** The login slots contract for one process: every open is the same process's shard managers. */
class InMemoryLoginSlotsTest extends LoginSlotsContract {
    private final InMemoryLoginSlots slots = new InMemoryLoginSlots();

    @Override
    protected LoginSlots open() {
        return slots;
    }
}
