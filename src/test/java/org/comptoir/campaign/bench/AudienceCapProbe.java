package org.comptoir.campaign.bench;

import java.nio.file.*;
import java.time.*;
import org.comptoir.*;
import org.comptoir.campaign.*;
import org.comptoir.settings.*;
import org.comptoir.store.*;
/** A documented harness (docs/performance.md): the audience count with the V14 cap, with the old GROUP BY cap and with the consent join alone, at N contacts after K campaigns; args N K. */
public class AudienceCapProbe { public static void main(String[] a) throws Exception {
  Path dir = Files.createTempDirectory("w22probe"); Database db = Database.open(dir); Instant now = Instant.now(); int N = Integer.parseInt(a[0]);
  db.inTransaction(c -> {
   Jdbc.update(c, "INSERT INTO contact (subject, phone_e164, first_name, created_at) SELECT LPAD(X, 64, '0'), '+336' || LPAD(X, 8, '0'), 'Léa' || MOD(X, 97), ? FROM SYSTEM_RANGE(1, ?)", now, N);
   Jdbc.update(c, "INSERT INTO consent_event (seq, subject, kind, channel, occurred_at, prev_hash, hash) SELECT X, LPAD(X, 64, '0'), 'OPT_IN', 'TILL', ?, '', '' FROM SYSTEM_RANGE(1, ?)", now, N);
   Jdbc.update(c, "INSERT INTO consent_state (subject, status, since, last_seq) SELECT LPAD(X, 64, '0'), 'OPTED_IN', ?, X FROM SYSTEM_RANGE(1, ?)", now, N);
   return null; });
  int K = Integer.parseInt(a[1]);
  long seedStart = System.nanoTime();
  for (int k = 0; k < K; k++) { Instant sent = now.minus(Duration.ofDays(2L * k + 1)); db.inTransaction(c -> { long id = Jdbc.insert(c, "INSERT INTO campaign (name, kind, template, status, created_at, updated_at) VALUES ('old', 'MARKETING', 'x', 'DONE', ?, ?)", sent, sent);
    Jdbc.update(c, "INSERT INTO outbox (campaign_id, subject, recipient_e164, rendered_text, encoding, parts, state, sent_at, created_at, updated_at) SELECT ?, LPAD(X, 64, '0'), '+336' || LPAD(X, 8, '0'), 'x', 'GSM7', 1, 'SENT', ?, ?, ? FROM SYSTEM_RANGE(1, ?) WHERE MOD(X, 10) <> 0", id, sent, sent, sent, N); return null; }); }
  System.out.println("seeded " + K + " campaigns in " + (System.nanoTime()-seedStart)/1_000_000 + " ms (trigger included)");
  AudienceQuery q = new AudienceQuery(db, new Settings(db, AppContext.settingDefinitions()), Clock.systemUTC());
  for (int i = 0; i < 3; i++) { long t = System.nanoTime(); long n = q.count(new Audience(CampaignKind.MARKETING, null)); System.out.println("count " + n + " " + (System.nanoTime()-t)/1_000_000 + " ms"); }
  String base = "SELECT COUNT(*) FROM contact c JOIN consent_state s ON s.subject = c.subject JOIN consent_event e ON e.subject = s.subject AND e.seq = s.last_seq WHERE s.status IN ('OPTED_IN') AND e.kind IN ('OPT_IN')";
  String ledger = " AND NOT EXISTS (SELECT 1 FROM consent_event n WHERE n.subject = s.subject AND n.seq > s.last_seq)";
  String cap = " AND NOT EXISTS (SELECT 1 FROM recipient_sends r WHERE r.subject = c.subject AND CASE WHEN CARDINALITY(r.recent) >= 4 THEN r.recent[4] END >= TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00')";
  String oldCap = " AND c.subject NOT IN (SELECT o.subject FROM outbox o JOIN campaign k ON k.id = o.campaign_id WHERE k.kind = 'MARKETING' AND o.state IN ('SENT', 'DELIVERED') AND o.sent_at >= TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00' GROUP BY o.subject HAVING COUNT(*) >= 4)";
  for (String[] v : new String[][] {{"consent join only", base + ledger}, {"V14 cap (recipient_sends)", base + ledger + cap}, {"old cap (GROUP BY outbox)", base + ledger + oldCap}}) {
    for (int k = 0; k < 3; k++) { long t = System.nanoTime(); long n = db.withConnection(c -> Jdbc.queryLong(c, v[1])); System.out.println(v[0] + " " + n + " " + (System.nanoTime()-t)/1_000_000 + " ms"); }
  }
  db.close(); }}
