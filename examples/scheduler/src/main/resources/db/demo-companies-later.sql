--
-- Copyright 2026 The camel-tamtam authors
--
-- Licensed under the Apache License, Version 2.0 (the "License");
-- you may not use this file except in compliance with the License.
-- You may obtain a copy of the License at
--
--     http://www.apache.org/licenses/LICENSE-2.0
--
-- Unless required by applicable law or agreed to in writing, software
-- distributed under the License is distributed on an "AS IS" BASIS,
-- WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
-- See the License for the specific language governing permissions and
-- limitations under the License.
--

-- Demo data: companies a CRM sync inserts while the example runs.
INSERT INTO target_company (name, linkedin_id) VALUES
    ('Copper Energy', '97914489'),
    ('Beacon Software', '81743095'),
    ('Nord Logistics', '68720461'),
    ('Pixel Labs', '56609395'),
    ('Sierra Systems', '76920239');
