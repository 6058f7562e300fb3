-- Every hook call writes its issued cards, so every index on issued_card costs each call. The
-- retention purge now finds old cards through issued_day, the first column of
-- issued_card_analytics (it still compares issued_at), and the index on issued_at goes.
DROP INDEX IF EXISTS issued_card_issued_at;
