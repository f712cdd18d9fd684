-- Larger caches for the two identity sequences every imported or saved consent draws from (issue 14, "import
-- 100,000 rows under 20 s"). H2 writes a sequence's state to the file each time its cache of values runs out (32 by
-- default), in a commit of its own, and with WRITE_DELAY=0 under the AES cipher each of those commits wrote every page
-- changed since the last one: 22 % of an import's CPU (docs/performance.md, "Excel"). With 1,000 values a sequence is
-- written 31 times less often. What it costs: after a crash or a kill the next ids skip the unused rest of the cache;
-- ids stay unique and increasing, and nothing reads meaning into their gaps. The PostgreSQL form changes nothing, on
-- purpose (db/postgresql/V23 says why).
ALTER TABLE contact ALTER COLUMN id SET CACHE 1000;
ALTER TABLE audit ALTER COLUMN id SET CACHE 1000;
