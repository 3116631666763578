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
 * Company IDs in compact form, so that one exchange keeps a few bytes per distinct ID rather than a {@code String}
 * each: {@code CompactIdSet} (de-duplication in input order: a {@code long} per ID that is the decimal form of a
 * number, the rare others kept as text), the immutable {@code IdSequence} it leaves, and {@code IdList}, read-only
 * {@code List<String>} views over it (the result lists, the batches) built by {@code IdListBuilder}. Imports nothing
 * of the component. OSGi-private.
 */
package io.github.cameltamtam.component.tamtam.ids;
