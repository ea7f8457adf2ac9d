-- Meetings per month between each pair of countries (the participants' countries).
WITH people AS (
    SELECT meeting_id, year, month, unnest(participants) AS person FROM meetings
),
countries AS (
    SELECT DISTINCT meeting_id, year, month, person.country_code AS country FROM people
)
SELECT a.year, a.month, a.country AS country_a, b.country AS country_b, count(*) AS meetings
FROM countries a
JOIN countries b ON a.meeting_id = b.meeting_id AND a.country < b.country
GROUP BY ALL
ORDER BY a.year, a.month, meetings DESC, country_a, country_b;
