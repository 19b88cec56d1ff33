/* The picker (core.widgets.Picker, PickerMultiple): a long native select becomes a combobox.
   Type to find (accents and case ignored; a city's country and field count too), arrow keys,
   Enter to choose, Escape to close; the chosen values are buttons that remove them. The select
   stays in the page, hidden, and is what the form sends; without this script it is used as it is.
   The pattern is WAI-ARIA 1.2's combobox with a listbox popup (aria-activedescendant). */
(function () {
  "use strict";

  var pickers = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[-'’]/g, " ");
  }

  function fill(template, name, value) {
    return template.replace("%(" + name + ")s", value);
  }

  function element(tag, className, attributes) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function enhance(root) {
    var select = root.querySelector("select[data-picker-select]");
    if (!select || root.hasAttribute("data-picker-ready")) {
      return;
    }
    root.setAttribute("data-picker-ready", "");
    pickers += 1;
    var texts = root.dataset;
    var multiple = select.multiple;
    var id = select.id || "picker-" + pickers;
    var label = document.querySelector('label[for="' + id + '"]');
    var hint = root.querySelector(".picker-hint");
    hint.textContent = texts.textHint;

    // The input takes the select's id: its label and the error summary's link lead to it.
    select.id = id + "-select";
    var input = element("input", "picker-input", {
      type: "text",
      id: id,
      role: "combobox",
      autocomplete: "off",
      autocapitalize: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": id + "-listbox"
    });
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (select.hasAttribute(name)) {
        input.setAttribute(name, select.getAttribute(name));
      }
    });
    if (select.required) {
      // A hidden required select would stop the form without a word; the server says what is missing.
      input.setAttribute("aria-required", "true");
      select.required = false;
    }
    var chips = element("ul", "picker-chips");
    var listbox = element("ul", "picker-listbox", { id: id + "-listbox", role: "listbox" });
    if (label) {
      label.id = label.id || id + "-label";
      listbox.setAttribute("aria-labelledby", label.id);
    }
    if (multiple) {
      listbox.setAttribute("aria-multiselectable", "true");
    }
    listbox.hidden = true;
    var status = element("div", "visually-hidden", { role: "status" });
    select.hidden = true;
    select.classList.add("picker-native");
    select.tabIndex = -1;
    hint.after(chips, input, listbox, status);

    var items = Array.prototype.filter.call(select.options, function (option) {
      return option.value !== "";
    }).map(function (option) {
      var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
      var detail = option.getAttribute("data-hint") || group;
      return {
        option: option,
        label: option.text,
        detail: detail,
        name: fold(option.text),
        words: fold(option.text + " " + detail + " " + group)
      };
    });
    var shown = [];
    var active = -1;
    var announcing = null;

    function say(words) {
      status.textContent = words;
    }

    function sayCount() {
      var count = shown.length;
      say(count === 0 ? texts.textNone : count === 1 ? texts.textOne : fill(texts.textMany, "count", count));
    }

    function matches(query) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      var found = items.filter(function (item) {
        return words.every(function (word) {
          return item.words.indexOf(word) !== -1;
        });
      });
      // Names that start with what was typed come first, in the list's order.
      var start = words.join(" ");
      return found.filter(function (item) {
        return start && item.name.indexOf(start) === 0;
      }).concat(found.filter(function (item) {
        return !(start && item.name.indexOf(start) === 0);
      }));
    }

    function setActive(index) {
      var previous = listbox.querySelector(".picker-option--active");
      if (previous) {
        previous.classList.remove("picker-option--active");
      }
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var node = listbox.children[index];
      node.classList.add("picker-option--active");
      input.setAttribute("aria-activedescendant", node.id);
      node.scrollIntoView({ block: "nearest" });
    }

    function open() {
      shown = matches(input.value);
      listbox.textContent = "";
      shown.forEach(function (item, index) {
        var node = element("li", "picker-option", {
          id: id + "-option-" + index,
          role: "option",
          "aria-selected": item.option.selected ? "true" : "false"
        });
        node.appendChild(element("span", "picker-option-label")).textContent = item.label;
        if (item.detail) {
          node.appendChild(element("span", "picker-option-detail")).textContent = item.detail;
        }
        listbox.appendChild(node);
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      // Said once typing pauses, rather than at every letter.
      clearTimeout(announcing);
      announcing = setTimeout(sayCount, 500);
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function changed() {
      select.dispatchEvent(new Event("change", { bubbles: true })); // redraws the chips
    }

    function choose(item) {
      var chosen = multiple ? !item.option.selected : true;
      if (multiple) {
        item.option.selected = chosen;
      } else {
        select.value = item.option.value;
      }
      changed();
      say(fill(chosen ? texts.textChosen : texts.textRemoved, "name", item.label));
      clearTimeout(announcing);
      input.value = "";
      close();
      input.focus();
    }

    function remove(option, index) {
      option.selected = false;
      if (!multiple) {
        select.value = "";
      }
      changed();
      say(fill(texts.textRemoved, "name", option.text));
      var buttons = chips.querySelectorAll("button");
      (buttons[index] || buttons[index - 1] || input).focus();
    }

    function drawChips() {
      chips.textContent = "";
      Array.prototype.filter.call(select.selectedOptions, function (option) {
        return option.value !== "";
      }).forEach(function (option, index) {
        var button = element("button", "picker-chip", { type: "button" });
        button.appendChild(element("span", "visually-hidden")).textContent = fill(texts.textRemove, "name", option.text);
        button.appendChild(element("span", "", { "aria-hidden": "true" })).textContent = option.text;
        button.appendChild(element("span", "picker-chip-cross", { "aria-hidden": "true" })).textContent = "×";
        button.addEventListener("click", function () {
          remove(option, index);
        });
        chips.appendChild(element("li")).appendChild(button);
      });
      chips.hidden = chips.children.length === 0;
    }

    input.addEventListener("input", open);
    input.addEventListener("click", function () {
      if (listbox.hidden) {
        open();
      }
    });
    input.addEventListener("keydown", function (event) {
      var isOpen = !listbox.hidden;
      if (event.key === "ArrowDown" || event.key === "Down") {
        event.preventDefault();
        if (!isOpen) {
          open();
        }
        if (shown.length) {
          setActive(Math.min(active + 1, shown.length - 1));
        }
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (isOpen) {
          event.preventDefault();
          setActive(Math.max(active - 1, 0));
        }
      } else if (event.key === "Enter") {
        // Enter in an open list chooses; it never sends the form from there.
        if (isOpen) {
          event.preventDefault();
          if (active >= 0) {
            choose(shown[active]);
          }
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      }
    });
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault(); // the input keeps the focus
    });
    listbox.addEventListener("click", function (event) {
      var node = event.target.closest("[role=option]");
      if (node) {
        choose(shown[Array.prototype.indexOf.call(listbox.children, node)]);
      }
    });
    root.addEventListener("focusout", function (event) {
      if (!root.contains(event.relatedTarget)) {
        close();
      }
    });
    select.addEventListener("change", drawChips);
    drawChips();
  }

  document.querySelectorAll("[data-picker]").forEach(enhance);
})();
