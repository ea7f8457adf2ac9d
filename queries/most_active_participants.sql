-- The most active participants: meetings attended, with their organisation and country.
WITH people AS (
    SELECT meeting_id, meeting_date, unnest(participants) AS person FROM meetings
)
SELECT person.name AS name,
       any_value(person.organization) AS organization,
       any_value(person.country_code) AS country_code,
       count(DISTINCT meeting_id) AS meetings,
       min(meeting_date) AS first_meeting,
       max(meeting_date) AS last_meeting
FROM people
GROUP BY person.name
ORDER BY meetings DESC, name
LIMIT 25;
