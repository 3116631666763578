/**
 * The TamTam API simulator: a stateful, fault-injecting stand-in for the TamTam public API over real loopback
 * sockets, for tests, examples and benchmarks.
 *
 * <p>The public face is {@link io.github.cameltamtam.simulator.TamtamSimulator} (start, accounts, recorded
 * requests, rate limit, latency) with {@link io.github.cameltamtam.simulator.Faults} and
 * {@link io.github.cameltamtam.simulator.RandomFaults} for injected faults, {@link io.github.cameltamtam.simulator.Stats}
 * for counters, {@link io.github.cameltamtam.simulator.SelfSignedTls} for https, and
 * {@link io.github.cameltamtam.simulator.Main} for the command line. Inside, one class per job: {@code Server}
 * (sockets and threads, no API knowledge) hands each request parsed by {@code Http} to {@code RequestPipeline}
 * (record, {@code RateLimiter}, fault, latency), which asks {@code ApiHandler} (the endpoints and their validation,
 * over {@link io.github.cameltamtam.simulator.Account}) and builds answers with {@code Responses}.
 *
 * <p>What must not live here: anything of the Camel component; the simulator depends on Jackson only, so that its
 * standalone jar runs anywhere.
 */
package io.github.cameltamtam.simulator;
