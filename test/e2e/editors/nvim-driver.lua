-- Runs after the README's Neovim snippet (loaded as init.lua) has started prr for the
-- opened buffer: waits for the expected diagnostics ($PRR_E2E_EXPECT: their rule codes,
-- sorted, comma-separated), asks for the quick fixes of the unknown key, applies the one
-- that renames it and waits for that diagnostic to go, then asks for completion on a new
-- key in `spec`. Writes what came back as JSON to $PRR_E2E_OUT.
local out = { diagnostics = {}, actions = {}, completion = {}, clients = {}, after_fix = {} }
local buf = vim.api.nvim_get_current_buf()

local function finish()
  local f = assert(io.open(os.getenv('PRR_E2E_OUT'), 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, tostring(d.code)) end
  table.sort(list)
  return table.concat(list, ',')
end

-- Bounded waits in Neovim's event loop (it handles the server's messages meanwhile). A
-- client is listed once the server has answered `initialize`.
if not vim.wait(20000, function() return #vim.lsp.get_active_clients() > 0 end, 20) then
  out.error = 'no LSP client came up within 20 s'; return finish()
end
for _, c in ipairs(vim.lsp.get_active_clients()) do table.insert(out.clients, c.name) end
local client = vim.lsp.get_active_clients()[1]

-- The first push may precede the workspace scan (an SLO reference resolves only after it).
local expect = os.getenv('PRR_E2E_EXPECT')
local settled = vim.wait(20000, function() return codes() == expect end, 20)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out.diagnostics, { code = d.code, message = d.message, line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col, severity = d.severity })
end
if not settled then out.error = 'diagnostics did not reach the expected set within 20 s'; return finish() end

local uri = vim.uri_from_bufnr(buf)
local unknown
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'unknown-property' then
    unknown = { range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }, message = d.message, code = d.code, severity = d.severity, source = d.source }
  end
end
local res = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = uri }, range = unknown.range, context = { diagnostics = { unknown }, only = { 'quickfix' } },
}, 10000, buf)
local rename
for _, a in ipairs(res and res.result or {}) do
  table.insert(out.actions, { title = a.title, kind = a.kind, edit = a.edit })
  if a.title:find('lifecycle', 1, true) then rename = rename or a end
end
if rename and rename.edit then
  vim.lsp.util.apply_workspace_edit(rename.edit, client.offset_encoding or 'utf-16')
  out.fixed_line = vim.api.nvim_buf_get_lines(buf, 12, 13, false)[1]
  vim.wait(20000, function() return not codes():find('unknown-property', 1, true) end, 20)
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out.after_fix, d.code) end
end

-- Line 15 of the payments manifest is empty: indent it as a key of `spec` and complete there.
vim.api.nvim_buf_set_lines(buf, 14, 15, false, { '  ' })
local completion = client.request_sync('textDocument/completion', { textDocument = { uri = uri }, position = { line = 14, character = 2 } }, 10000, buf)
local items = completion and completion.result or {}
if items.items then items = items.items end
for _, i in ipairs(items) do table.insert(out.completion, i.label) end
finish()
