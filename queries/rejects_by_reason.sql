-- Rejected inputs and rows by stage and reason, with an example of each.
SELECT stage, reason_code, count(*) AS rejects, count(DISTINCT source_file) AS inputs,
       min(source_file) AS example_input, any_value(reason) AS example_reason
FROM rejects
GROUP BY stage, reason_code
ORDER BY rejects DESC, stage, reason_code;
