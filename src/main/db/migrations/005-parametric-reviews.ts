import type { Migration } from './types';

/**
 * Parametric review cards. A missed question used to get a card of its own (`question:<question id>`)
 * that asked exactly that question again; a review card is now a skill at a difficulty
 * (`review:<skill>:<difficulty>`, or `review:design:<design id>:<difficulty>`) that draws fresh numbers
 * at each review. Each old card becomes the card of its skill and difficulty; where several old cards
 * fall on one, the most urgent (earliest due) keeps its schedule. The stored question stays as the one
 * last asked. The table keeps its STRICT definition; the runner applies this with `user_version` in
 * one transaction.
 */
export const migration005: Migration = {
  version: 5,
  name: 'parametric review cards',
  sql: `
    CREATE TEMP TABLE parametric AS
      SELECT
        CASE json_extract(question, '$.kind')
          WHEN 'design' THEN 'review:design:' || json_extract(question, '$.designId') || ':' || json_extract(question, '$.difficulty')
          ELSE 'review:' || skill || ':' || json_extract(question, '$.difficulty')
        END AS new_id,
        id, skill, card, due, updated_at, question
      FROM review_cards
      WHERE id LIKE 'question:%' AND question IS NOT NULL
        AND json_extract(question, '$.difficulty') IN (1, 2, 3);
    INSERT INTO review_cards (id, skill, card, due, updated_at, question)
      SELECT new_id, skill, card, due, updated_at, question FROM (
        SELECT *, row_number() OVER (PARTITION BY new_id ORDER BY due, id) AS rank FROM parametric
        WHERE new_id IS NOT NULL
      ) WHERE rank = 1
      ON CONFLICT(id) DO NOTHING;
    DELETE FROM review_cards WHERE id IN (SELECT id FROM parametric WHERE new_id IS NOT NULL);
    DROP TABLE temp.parametric;
  `,
};
