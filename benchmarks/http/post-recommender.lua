-- wrk script: POST /recommender {"user_id": <id>, "k": 10}, cycling through the user ids in
-- USERS_FILE (one per line; default users.txt in the working directory).
local users = {}
local next_user = 1
local thread_count = 0

-- runs in the main Lua state once per thread: number the threads
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local path = os.getenv("USERS_FILE") or "users.txt"
  for line in io.lines(path) do
    if #line > 0 then
      users[#users + 1] = line
    end
  end
  -- threads start at different offsets so they do not ask for the same users in lockstep
  next_user = ((thread_id or 0) * 997) % #users + 1
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

-- the next user id of this thread's cycle (get-recommender.lua asks for the same users)
function next_user_id()
  local user = users[next_user]
  next_user = next_user % #users + 1
  return user
end

function request()
  return wrk.format(nil, "/recommender", nil, '{"user_id": "' .. next_user_id() .. '", "k": 10}')
end

-- No response() callback on purpose: it makes wrk parse every body and costs client CPU on the same
-- two cores as the server; wrk itself prints "Non-2xx or 3xx responses: N" when any answer is not 2xx.
