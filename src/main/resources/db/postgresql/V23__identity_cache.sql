-- PostgreSQL form of db/migration/V23__identity_cache.sql (store.Dialect): no change to the schema, on purpose.
-- H2's V23 gives the contact and audit identity sequences a cache of 1,000 values because H2 writes a sequence's state
-- in a commit of its own each time its cache runs out, which made an import slow under AES. PostgreSQL logs its
-- sequences in the WAL of the transaction that draws them, with no commit of their own, so there is nothing to gain;
-- and its cache is per session: each till's connection would hold its own block of 1,000 ids, so ids from two tills
-- would no longer follow the order of their rows. The version exists so both folders keep the same history.
SELECT 1;
