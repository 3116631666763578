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

-- Demo data: the companies already in the table when the example starts.
INSERT INTO target_company (name, linkedin_id) VALUES
    ('Orbit Robotics', '53002312'),
    ('Kestrel Analytics', '9732233'),
    ('Umbra Systems', '12643920'),
    ('Quartz Cloud', '7794483'),
    ('Zephyr Systems', '28826302'),
    ('Blue Logistics', '58212938'),
    ('Nimbus Logistics', '32311241'),
    ('Nord Systems', '56988001'),
    ('Blue Cloud', '16626417'),
    ('Cedar Cloud', '8312983'),
    ('Helix Cloud', '53251552'),
    ('Blue Health', '6262221'),
    ('Falcon Robotics', '38880700'),
    ('Nimbus Robotics', '72579631'),
    ('Summit Cloud', '41413729'),
    ('Helix Health', '49992352'),
    ('Summit Systems', '95587889'),
    ('Nord Cloud', '8009533'),
    ('Juniper Health', '66637625'),
    ('Meridian Systems', '57400467'),
    ('Sierra Energy', '62502024'),
    ('Helix Labs', '48540762'),
    ('Lumen Health', '24137884'),
    ('Nova Health', '10996393'),
    ('Helix Software', '70500681');
