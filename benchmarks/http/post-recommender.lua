-- wrk script: POST /recommender {"user_id": <id>, "k": 10}, cycling through the user ids in
-- USERS_FILE (one per line; default users.txt in the working directory).
local users = {}
local next_user = 1

function init(args)
  local path = os.getenv("USERS_FILE") or "users.txt"
  for line in io.lines(path) do
    if #line > 0 then
      users[#users + 1] = line
    end
  end
  -- threads start at different offsets so they do not ask for the same users in lockstep
  next_user = (math.random(#users) - 1) + 1
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  local user = users[next_user]
  next_user = next_user % #users + 1
  return wrk.format(nil, "/recommender", nil, '{"user_id": "' .. user .. '", "k": 10}')
end

local non_200 = 0
function response(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
    if non_200 <= 3 then
      io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    end
  end
end
