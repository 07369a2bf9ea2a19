"""The footer pages' first content, loaded by the migration pages/0002. Editors change it in
the admin (Footer pages); a later migration never overwrites what they wrote."""

PAGES = (
    {
        "slot": "contact",
        "title": "Contact",
        "description": "How to reach the organisation's Secretariat in Vienna and its press "
        "office.",
        "content": """<p>Organization for Security and Co-operation in Europe<br>
Secretariat<br>
Wallnerstrasse 6<br>
1010 Vienna<br>
Austria</p>
<h2>Press and public information</h2>
<p>Journalists can reach the Press and Public Information Section at
<a href="mailto:press@osce.org">press@osce.org</a>, telephone +43 1 514 36 6000.</p>
<h2>General enquiries</h2>
<p>Write to <a href="mailto:info@osce.org">info@osce.org</a>. Each field operation and
institution has its own contact details on its page under Structures and institutions.</p>""",
    },
    {
        "slot": "privacy",
        "title": "Privacy notice",
        "description": "What this newsroom records about its visitors: no cookies, no "
        "analytics, and email alerts only for those who ask.",
        "content": """<p>This newsroom sets no cookies for its visitors, runs no analytics or
advertising, and loads nothing from other sites: every file it uses is served by the site
itself.</p>
<h2>What the server records</h2>
<p>To keep the site available, the server counts requests per network address for a few
minutes to limit abuse, then forgets them. Like every web server, ours keeps a technical log of
requests (address, time, page) to investigate faults and attacks.</p>
<h2>Email alerts</h2>
<p>If you sign up for an email alert, we keep your address and the filters you chose, and use
them only to send that alert. Every message has a link to change or stop it.</p>
<h2>Your rights</h2>
<p>To ask what we hold about you, or to have it corrected or deleted, write to
<a href="mailto:info@osce.org">info@osce.org</a>.</p>""",
    },
    {
        "slot": "accessibility",
        "title": "Accessibility statement",
        "description": "How this newsroom meets the Web Content Accessibility Guidelines 2.2 at "
        "level AA, its known limitations and how to tell us of a problem.",
        "content": """<p>We want everyone to be able to read and follow our news. This site is
designed to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.</p>
<h2>What you can do</h2>
<ul>
<li>use every page with a keyboard alone, with visible focus;</li>
<li>use a screen reader: pages have landmarks, headings and labelled controls;</li>
<li>zoom to 400% or read on a small screen without scrolling sideways;</li>
<li>use the site without JavaScript: every menu and filter has a plain link or form.</li>
</ul>
<h2>Known limitations</h2>
<p>Documents attached to news items (PDF) come from many authors and may not all be
accessible. Ask us for an accessible version.</p>
<h2>Feedback</h2>
<p>If something does not work for you, write to
<a href="mailto:info@osce.org">info@osce.org</a> with the page's address, and we will answer
within ten working days.</p>""",
    },
)
