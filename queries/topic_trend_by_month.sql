-- Topic trend: per month, how many articles carry each topic and what share of the month's articles that is.
WITH per_month AS (
    SELECT year, month, count(*) AS month_articles FROM articles GROUP BY ALL
)
SELECT t.year, t.month, t.topic_id, count(*) AS articles,
       round(count(*) / any_value(p.month_articles), 3) AS share_of_month,
       round(avg(t.score), 3) AS mean_score
FROM topics t
JOIN per_month p ON t.year IS NOT DISTINCT FROM p.year AND t.month IS NOT DISTINCT FROM p.month
GROUP BY t.year, t.month, t.topic_id
ORDER BY t.year, t.month, articles DESC, t.topic_id;
