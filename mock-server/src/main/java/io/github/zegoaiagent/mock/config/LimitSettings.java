package io.github.zegoaiagent.mock.config;

/**
 * The service's concurrency limits per App (defaults from the contract's {@code x-zego-limits}).
 *
 * @param maxConcurrentInstances voice + digital-human instances at once
 * @param maxConcurrentDigitalHumans digital-human instances at once
 * @param enqueueMax Enqueue requests that may wait per instance
 */
public record LimitSettings(int maxConcurrentInstances, int maxConcurrentDigitalHumans, int enqueueMax) {
  /** Concurrent instances. */
  public static final Setting<Integer> MAX_CONCURRENT_INSTANCES = limit("max-concurrent-instances",
      "Instances running at once per App", "concurrentInstances");
  /** Concurrent digital humans. */
  public static final Setting<Integer> MAX_CONCURRENT_DIGITAL_HUMANS = limit("max-concurrent-digital-humans",
      "Digital-human instances running at once per App", "concurrentDigitalHumanInstances");
  /** Enqueue queue. */
  public static final Setting<Integer> ENQUEUE_MAX = limit("enqueue-max",
      "Enqueue requests that may wait per instance", "enqueueQueueMax");

  /** The group. */
  public static final SettingGroup<LimitSettings> GROUP = SettingGroup.of("limits",
      v -> new LimitSettings(v.get(MAX_CONCURRENT_INSTANCES), v.get(MAX_CONCURRENT_DIGITAL_HUMANS), v.get(ENQUEUE_MAX)),
      MAX_CONCURRENT_INSTANCES, MAX_CONCURRENT_DIGITAL_HUMANS, ENQUEUE_MAX);

  private static Setting<Integer> limit(String key, String description, String contractName) {
    return Setting.<Integer>of(key, description, Integer.class).text("N", Text::integer)
        .byDefault(ContractLimits.text(contractName), () -> ContractLimits.limit(contractName))
        .check(CapSettings.CAP).build();
  }
}
