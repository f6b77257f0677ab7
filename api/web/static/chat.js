// The chat page: sends what the person types (or the quick reply they press) to /chat/message, which
// forwards it to the bot, and draws the bot's replies. Everything is written with textContent, never as
// HTML, because replies can quote what was typed.
(function () {
  "use strict";
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var send = document.getElementById("chat-send");
  if (!log || !form) return;

  function senderId(renew) {
    var id = renew ? null : window.sessionStorage.getItem("chat-sender");
    if (!id) {
      id = window.crypto.randomUUID();
      window.sessionStorage.setItem("chat-sender", id);
    }
    return id;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function phoneLink(contact) {
    var item = el("li");
    item.appendChild(document.createTextNode(contact.name + ": "));
    var link = el("a", "govuk-link", contact.phone);
    link.href = "tel:" + String(contact.phone).replace(/\s+/g, "");
    item.appendChild(link);
    return item;
  }

  function list(items, render) {
    var ul = el("ul", "govuk-list govuk-list--bullet");
    items.forEach(function (item) { ul.appendChild(render(item)); });
    return ul;
  }

  function recommendationCard(card) {
    var urgent = card.urgency === "emergency" || card.urgency === "immediate";
    var box = el("section", "chat-card" + (urgent ? " chat-card--urgent" : ""));
    box.setAttribute("aria-label", "Our advice");
    box.appendChild(el("h2", "govuk-heading-m", "Our advice"));
    if (card.level) {
      box.appendChild(el("p", "govuk-body-l", card.level_name + " (level " + card.level + " of 4)"));
      box.appendChild(el("p", "govuk-body govuk-!-font-weight-bold", card.urgency_words));
    }
    if (card.reasons && card.reasons.length) {
      box.appendChild(el("h3", "govuk-heading-s", "Why"));
      box.appendChild(list(card.reasons, function (reason) {
        var item = el("li", null, reason.description);
        if (reason.source) item.appendChild(el("span", "govuk-body-s chat-source", " (guidance: " + reason.source + ")"));
        return item;
      }));
    }
    if (card.rationale) box.appendChild(el("p", "govuk-body", card.rationale));
    if (card.routes && card.routes.length) {
      box.appendChild(el("h3", "govuk-heading-s", "Who to contact"));
      box.appendChild(list(card.routes, function (route) {
        var item = el("li", null, route.title + ": " + route.how + " (" + route.timescale + ")");
        if (route.contact_phone) item.appendChild(document.createTextNode(" " + (route.contact_name || "") + ", " + route.contact_phone));
        return item;
      }));
    }
    if (card.next_steps && card.next_steps.length) {
      box.appendChild(el("h3", "govuk-heading-s", "What to do next"));
      box.appendChild(list(card.next_steps, function (step) { return el("li", null, step); }));
    }
    if (card.consent) {
      var warning = el("div", "govuk-warning-text");
      warning.appendChild(el("strong", "govuk-warning-text__text", card.consent));
      box.appendChild(warning);
    }
    if (card.contacts && card.contacts.length) {
      box.appendChild(el("h3", "govuk-heading-s", "Phone numbers"));
      var contacts = el("ul", "govuk-list");
      card.contacts.forEach(function (contact) { contacts.appendChild(phoneLink(contact)); });
      box.appendChild(contacts);
    }
    return box;
  }

  function filedCard(card) {
    var box = el("section", "chat-card chat-card--filed");
    box.setAttribute("aria-label", "Referral sent");
    box.appendChild(el("h2", "govuk-heading-m", "Referral sent"));
    box.appendChild(el("p", "govuk-body-l", "Your reference is " + card.reference));
    box.appendChild(el("p", "govuk-body", "The front door will acknowledge it by " + card.acknowledge_by +
      ". If anything changes, phone " + card.front_door + " and quote your reference. If a child is in danger, call 999."));
    if (card.status_token) {
      box.appendChild(el("h3", "govuk-heading-s", "Your status token: keep this safe"));
      box.appendChild(el("p", "govuk-body chat-token", card.status_token));
      var p = el("p", "govuk-body", "With the reference and this token you can ");
      var link = el("a", "govuk-link", "check the referral's progress");
      link.href = "/status";
      p.appendChild(link);
      p.appendChild(document.createTextNode(". It is shown only once."));
      box.appendChild(p);
    }
    return box;
  }

  function say(text, who) {
    var message = el("p", "chat-message" + (who === "user" ? " chat-message--user" : ""), text);
    var label = el("span", "govuk-visually-hidden", who === "user" ? "You said: " : "Adviser: ");
    message.insertBefore(label, message.firstChild);
    log.appendChild(message);
  }

  function quickReplies(buttons) {
    var group = el("div", "chat-buttons");
    buttons.forEach(function (button) {
      var b = el("button", "govuk-button govuk-button--secondary", button.title);
      b.type = "button";
      b.addEventListener("click", function () {
        group.remove();
        post(button.payload, button.title);
      });
      group.appendChild(b);
    });
    log.appendChild(group);
  }

  function draw(messages) {
    // A card repeats its text message in a better shape: show the card instead of the words.
    var carded = {};
    messages.forEach(function (m) { if (m.custom && m.custom.text) carded[m.custom.text] = true; });
    messages.forEach(function (m) {
      if (m.text && !carded[m.text]) say(m.text, "bot");
      if (m.custom && m.custom.card === "recommendation") log.appendChild(recommendationCard(m.custom));
      if (m.custom && m.custom.card === "referral_filed") log.appendChild(filedCard(m.custom));
      if (m.buttons && m.buttons.length) quickReplies(m.buttons);
    });
  }

  function unavailable(contacts) {
    var banner = document.getElementById("chat-unavailable");
    var target = document.getElementById("chat-unavailable-contacts");
    target.textContent = "";
    contacts.forEach(function (contact) { target.appendChild(phoneLink(contact)); });
    banner.classList.remove("chat-hidden");
    banner.focus();
  }

  function post(message, shown) {
    if (shown) say(shown, "user");
    send.disabled = true;
    return fetch("/chat/message", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(false), message: message })
    }).then(function (response) {
      if (!response.ok) throw new Error("chat answered " + response.status);
      return response.json();
    }).then(function (answer) {
      if (answer.available) draw(answer.messages);
      else unavailable(answer.contacts || []);
    }).catch(function () {
      unavailable([{ name: "Emergency: police or ambulance", phone: "999" }, { name: "NSPCC helpline", phone: "0808 800 5000" },
        { name: "Childline", phone: "0800 1111" }]);
    }).then(function () {
      send.disabled = false;
      input.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || send.disabled) return;  // one message at a time, so replies arrive in order
    input.value = "";
    // Earlier quick replies are stale once the person answers in their own words.
    Array.prototype.forEach.call(log.querySelectorAll(".chat-buttons"), function (group) { group.remove(); });
    post(text, text);
  });
  input.addEventListener("keydown", function (event) {
    // Enter sends, Shift+Enter adds a line, as in other chats.
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.getElementById("chat-restart").addEventListener("click", function () {
    log.textContent = "";
    senderId(true);
    post("/greet", null);
  });

  post("/greet", null);
})();
