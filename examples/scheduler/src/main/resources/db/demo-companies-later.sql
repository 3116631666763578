-- Demo data: companies a CRM sync inserts while the example runs.
INSERT INTO target_company (name, linkedin_id) VALUES
    ('Copper Energy', '97914489'),
    ('Beacon Software', '81743095'),
    ('Nord Logistics', '68720461'),
    ('Pixel Labs', '56609395'),
    ('Sierra Systems', '76920239');
