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
package io.github.cameltamtam.component.tamtam.pacing;

/**
 * What a shared pacer's store is doing, for the metrics, the health check and the dev console: whether it answers,
 * or the replica paces on its own meanwhile.
 */
public interface SharedStoreState {

    /** The store's type (its {@code ProxyManager}'s class name), never its address or credentials. */
    String storeName();

    /** Whether the last call to the store was answered in time; false while the replica paces on its own. */
    boolean answering();

    /** How many calls to the store failed or were not answered within {@code pacerStoreTimeout}, since start. */
    long failures();
}
