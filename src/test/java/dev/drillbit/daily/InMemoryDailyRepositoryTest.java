package dev.drillbit.daily;

/** The daily repository contract against the in-memory repository the scheduler's tests use. */
class InMemoryDailyRepositoryTest extends DailyRepositoryContract {
    private final InMemoryDailyRepository.Data data = new InMemoryDailyRepository.Data();

    @Override
    protected DailyRepository open() {
        return new InMemoryDailyRepository(data);
    }
}
