/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
