/// The stylesheet and the one small script, served from memory. Pages work without the script.
enum StaticAssets {
    static let css = """
        :root { --ink:#1b1f24; --muted:#5b6470; --line:#d5d9de; --accent:#a3121a; --accent-ink:#fff; --bg:#f6f7f9; --ok:#1d6b35; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.5 "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color:var(--ink); background:var(--bg); }
        a { color:#0b4f8a; }
        header.top { display:flex; flex-wrap:wrap; gap:.75rem 1.5rem; align-items:center; padding:.5rem 1rem; background:var(--accent); color:var(--accent-ink); }
        header.top a { color:var(--accent-ink); }
        .brand { font-weight:700; font-size:1.15rem; text-decoration:none; }
        .picker { display:flex; gap:.4rem; align-items:center; }
        .picker label { font-size:.85rem; }
        .picker select { max-width:22rem; }
        .picker input[type=search] { width:18rem; max-width:40vw; padding:.3rem .4rem; font:inherit; }
        .chooser { position:relative; display:inline-block; }
        .chooser input[type=search] { min-width:16rem; padding:.4rem; font:inherit; }
        form.stacked .chooser { display:block; }
        form.stacked .chooser input[type=search] { width:100%; }
        .chooser-list { position:absolute; z-index:10; left:0; top:100%; min-width:100%; width:max-content; max-width:36rem; margin:0; padding:0;
          list-style:none; background:#fff; color:var(--ink); border:1px solid var(--line); box-shadow:0 4px 12px rgba(0,0,0,.15); }
        .chooser-list[hidden] { display:none; }
        .chooser-list li { padding:.35rem .6rem; cursor:pointer; display:flex; flex-direction:column; }
        .chooser-list li .muted { font-size:.85rem; }
        .chooser-list li[aria-selected=true], .chooser-list li:hover { background:#f3dede; }
        ul.unit-matches { background:#fff; border:1px solid var(--line); padding:.5rem 1rem .5rem 2rem; }
        ul.unit-matches li { padding:.2rem 0; }
        fieldset.chooser-results ul.unit-matches { list-style:none; padding-left:.5rem; }
        .account { margin-left:auto; display:flex; gap:.5rem; align-items:center; }
        form.inline { display:inline; margin:0; }
        .frame { display:flex; min-height:calc(100vh - 3rem); }
        nav.menu { width:13rem; flex:none; background:#fff; border-right:1px solid var(--line); padding:1rem 0; }
        nav.menu ul { list-style:none; margin:0; padding:0; }
        nav.menu li a, nav.menu li span { display:block; padding:.45rem 1.2rem; text-decoration:none; color:var(--ink); }
        nav.menu li a[aria-current] { background:#f3dede; border-left:4px solid var(--accent); font-weight:600; }
        nav.menu .later { color:var(--muted); cursor:not-allowed; }
        main { flex:1; padding:1rem 1.5rem 2rem; min-width:0; }
        h1 { font-size:1.45rem; margin:.2rem 0 1rem; }
        h2 { font-size:1.15rem; margin:1.5rem 0 .6rem; }
        .crumbs ol { list-style:none; padding:0; margin:0 0 .5rem; display:flex; flex-wrap:wrap; gap:.3rem; font-size:.9rem; }
        .crumbs li + li::before { content:"›"; margin-right:.3rem; color:var(--muted); }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { border:1px solid var(--line); padding:.4rem .6rem; text-align:left; vertical-align:top; }
        th { background:#eef0f3; font-weight:600; }
        td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
        dl.facts { display:grid; grid-template-columns: max-content 1fr; gap:.3rem 1rem; background:#fff; padding:1rem; border:1px solid var(--line); }
        dl.facts dt { color:var(--muted); }
        dl.facts dd { margin:0; }
        figure.qr { margin:1rem 0; } figure.qr svg { display:block; width:200px; height:200px; }
        tr.differs td { background:#fff4d6; }
        .photo-block { display:flex; gap:1rem; align-items:flex-start; flex-wrap:wrap; margin-bottom:1rem; }
        .photo-block img.photo { border:1px solid var(--line); background:#fff; }
        form.stacked { background:#fff; border:1px solid var(--line); padding:1rem; max-width:40rem; }
        form.stacked label { display:block; font-weight:600; margin-top:.7rem; }
        form.stacked input[type=text], form.stacked input[type=password], form.stacked input[type=date], form.stacked select { width:100%; padding:.4rem; font:inherit; }
        form.stacked .check label { display:inline; font-weight:400; }
        button, .button { display:inline-block; background:var(--accent); color:#fff; border:0; padding:.45rem .9rem; font:inherit; border-radius:3px; cursor:pointer; text-decoration:none; }
        button.secondary, .button.secondary { background:#e4e7eb; color:var(--ink); }
        header.top button { background:#fff; color:var(--accent); }
        .actions { display:flex; gap:.6rem; flex-wrap:wrap; margin:.8rem 0; align-items:center; }
        .errors { border:2px solid var(--accent); background:#fff4f4; padding:.6rem 1rem; margin-bottom:1rem; }
        .flash { border:1px solid var(--ok); background:#eef8f0; padding:.5rem 1rem; }
        .secret { font-family: monospace; font-size:1.05rem; background:#fff; border:1px dashed var(--ink); padding:.6rem; word-break:break-all; }
        #totp-uri { overflow-wrap:anywhere; }
        .pager { margin:.8rem 0; display:flex; gap:1rem; align-items:center; }
        .searchbar { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin-bottom:.8rem; }
        .searchbar input[type=search] { min-width:16rem; padding:.4rem; font:inherit; }
        ul.changes { margin:0; padding-left:1rem; }
        .login { max-width:24rem; margin:3rem auto; }
        .cards { display:grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap:1rem; }
        .card { background:#fff; border:1px solid var(--line); padding:1rem; }
        .card .figure { font-size:1.8rem; font-weight:700; }
        a.card { display:block; color:inherit; text-decoration:none; } a.card:hover, a.card:focus { border-color:var(--accent); }
        .muted { color:var(--muted); }
        nav.subnav ul { list-style:none; padding:0; margin:0 0 1rem; display:flex; flex-wrap:wrap; gap:1.2rem; }
        nav.subnav a[aria-current] { font-weight:600; color:var(--ink); text-decoration:none; }
        .tree details { margin:.15rem 0; }
        .tree summary { cursor:pointer; padding:.15rem 0; }
        .tree .branch { margin-left:1.1rem; border-left:1px dotted var(--line); padding-left:.7rem; }
        .tree .leaf { padding:.15rem 0 .15rem 1rem; }
        .forms { display:grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap:1rem; align-items:start; }
        .forms form.stacked { max-width:none; }
        .forms h2 { margin-top:0; }
        form.correction input { width:8rem; padding:.2rem; }
        textarea { width:100%; font:inherit; padding:.4rem; }
        input.narrow { width:5.5rem; padding:.4rem; font:inherit; }
        .searchbar select { padding:.35rem; font:inherit; max-width:14rem; }
        progress { width:100%; max-width:40rem; height:1.2rem; }
        tr.due-overdue td, .due-overdue { background:#fff0f0; } .text { white-space:pre-wrap; } .field-error { color:var(--accent); margin:.2rem 0; }
        .sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
        @media (max-width: 760px) {
          .frame { display:block; }
          nav.menu { width:auto; border-right:0; border-bottom:1px solid var(--line); padding:.3rem 0; }
          nav.menu ul { display:flex; flex-wrap:wrap; }
          nav.menu li a, nav.menu li span { padding:.3rem .7rem; }
          .account { margin-left:0; }
          main { padding:.8rem; }
          table { display:block; overflow-x:auto; }
        }
        @media print {
          header.top, nav.menu, .actions, .searchbar, .pager, form { display:none !important; }
          body { background:#fff; font-size:11pt; }
          main { padding:0; }
          a { color:inherit; text-decoration:none; }
        }
        .chart { max-width:100%; height:auto; font-size:13px; }
        .chart-track { fill:#eceef1; } .chart-met { fill:var(--ok); } .chart-short { fill:var(--accent); } .chart-neutral { fill:#5b6470; }
        .chart-target { stroke:var(--ink); stroke-width:2; stroke-dasharray:4 3; } .chart-label, .chart-figure { fill:var(--ink); } .chart-axis { fill:var(--muted); font-size:11px; }
        """

    /// Submits the unit picker on change (the button does the same without JavaScript); print buttons print.
    static let javascript = """
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
            select.addEventListener("change", function () { select.form.submit(); });
          });
          document.querySelectorAll("[data-print]").forEach(function (button) {
            button.addEventListener("click", function () { window.print(); });
          });
          document.querySelectorAll("input[data-unit-chooser]").forEach(unitChooser);
        });

        // The unit chooser (issue 8): suggestions from GET /api/v1/unit-choices as the user types. Picking one puts its
        // code in the field (and submits the top bar's form); without this script the form submission resolves the text.
        function unitChooser(input) {
          var list = document.createElement("ul");
          list.id = input.id + "-suggestions";
          list.className = "chooser-list";
          list.setAttribute("role", "listbox");
          list.hidden = true;
          input.insertAdjacentElement("afterend", list);
          input.setAttribute("role", "combobox");
          input.setAttribute("aria-autocomplete", "list");
          input.setAttribute("aria-expanded", "false");
          input.setAttribute("aria-controls", list.id);
          var items = [], active = -1, timer = null, asked = 0;

          function close() {
            list.hidden = true;
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
          }
          function highlight(index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
            if (index >= 0) { input.setAttribute("aria-activedescendant", list.children[index].id); }
          }
          function pick(index) {
            input.value = items[index].code;
            close();
            if (input.hasAttribute("data-autosubmit")) { input.form.submit(); }
          }
          function show(found) {
            items = found;
            list.textContent = "";
            items.forEach(function (unit, i) {
              var li = document.createElement("li");
              li.id = list.id + "-" + i;
              li.setAttribute("role", "option");
              li.setAttribute("data-code", unit.code);
              var name = document.createElement("span");
              name.textContent = unit.name;
              var detail = document.createElement("span");
              detail.className = "muted";
              detail.textContent = unit.code + (unit.parent_name ? " · " + unit.parent_name : "");
              li.appendChild(name);
              li.appendChild(detail);
              li.addEventListener("mousedown", function (event) { event.preventDefault(); pick(i); });
              list.appendChild(li);
            });
            list.hidden = items.length === 0;
            input.setAttribute("aria-expanded", items.length ? "true" : "false");
            highlight(-1);
          }
          input.addEventListener("input", function () {
            clearTimeout(timer);
            var text = input.value.trim();
            if (text.length < 2) { close(); return; }
            timer = setTimeout(function () {
              var mine = ++asked;
              fetch("/api/v1/unit-choices?per_page=10&q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { items: [] }; })
                .then(function (body) { if (mine === asked) { show(body.items || []); } })
                .catch(close);
            }, 200);
          });
          input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
            else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(active); }
            else if (event.key === "Escape") { close(); }
          });
          input.addEventListener("blur", close);
        }
        """
}
