-- wrk script: GET /recommender/<id>?k=10 for the same users as post-recommender.lua, whose user cycle
-- (USERS_FILE, per-thread offsets) it loads from the same folder.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "post-recommender.lua")

wrk.method = "GET"
wrk.headers["Content-Type"] = nil

function request()
  return wrk.format(nil, "/recommender/" .. next_user_id() .. "?k=10")
end
