-- Commitments due in the next calendar quarter, with who committed and to what.
SELECT due_date, due_precision, kind, status, instrument, party_countries, parties, areas, confidence, article_id
FROM commitments
WHERE due_date >= date_trunc('quarter', current_date) + INTERVAL 3 MONTH
  AND due_date < date_trunc('quarter', current_date) + INTERVAL 6 MONTH
ORDER BY due_date, confidence DESC;
