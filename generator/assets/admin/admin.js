// The explainer's additions to Decap CMS (loaded after decap-cms.js, before it starts).
//
// 1. A date widget for the data's partial dates: a day, a month or a year, as the models accept
//    (YYYY-MM-DD, YYYY-MM, YYYY). The precision is chosen first; each has the browser's own picker, so no
//    date is ever widened to a day that was not known.
// 2. Before a save, optional fields left empty are dropped instead of being written as "": the models
//    reject empty text, and an absent optional field means "not known".
(function () {
  "use strict";

  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;

  var FORMS = [
    { precision: "day", label: "Day", input: "date", pattern: /^\d{4}-\d{2}-\d{2}$/ },
    { precision: "month", label: "Month", input: "month", pattern: /^\d{4}-\d{2}$/ },
    { precision: "year", label: "Year", input: "number", pattern: /^\d{4}$/ },
  ];

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  function formOf(precision) {
    return FORMS.filter(function (form) { return form.precision === precision; })[0] || FORMS[0];
  }

  function precisionOf(value) {
    var found = FORMS.filter(function (form) { return form.pattern.test(value); })[0];
    return found ? found.precision : "day";
  }

  // The value at a coarser precision keeps what is known; at a finer one, the picker starts empty.
  function atPrecision(value, precision) {
    var length = { day: 10, month: 7, year: 4 }[precision];
    return value.length >= length ? value.slice(0, length) : "";
  }

  var PartialDateControl = createClass({
    getInitialState: function () {
      return { precision: precisionOf(text(this.props.value)) };
    },

    isValid: function () {
      var value = text(this.props.value);
      var form = formOf(this.state.precision);
      if (value === "" || form.pattern.test(value)) {
        return true;
      }
      var message = "Choose the " + form.precision + ", or another precision (day, month or year).";
      return { error: { type: "PATTERN", message: message } };
    },

    choosePrecision: function (event) {
      var precision = event.target.value;
      this.setState({ precision: precision });
      this.props.onChange(atPrecision(text(this.props.value), precision));
    },

    chooseDate: function (event) {
      this.props.onChange(event.target.value);
    },

    render: function () {
      var id = this.props.forID;
      var form = formOf(this.state.precision);
      var value = text(this.props.value);
      var options = FORMS.map(function (each) {
        return h("option", { key: each.precision, value: each.precision }, each.label);
      });
      var picker = { id: id, type: form.input, value: form.pattern.test(value) ? value : "",
        onChange: this.chooseDate, onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle };
      if (form.input === "number") {
        picker.min = 1000;
        picker.max = 9999;
        picker.placeholder = "YYYY";
      }
      return h("div", { className: this.props.classNameWrapper + " explainer-partial-date" },
        h("select", { "aria-label": "Precision", "data-precision": "", value: form.precision,
          onChange: this.choosePrecision }, options),
        h("input", picker));
    },
  });

  var PartialDatePreview = createClass({
    render: function () {
      return h("span", {}, text(this.props.value));
    },
  });

  // Maps lose their empty values; list items are kept (their position is their meaning), emptied inside.
  function withoutEmpty(value) {
    if (value && typeof value.toList === "function" && typeof value.filter === "function") {
      if (typeof value.keySeq === "function" && typeof value.push !== "function") {
        return value
          .filter(function (item) { return item !== "" && item !== null && item !== undefined; })
          .map(withoutEmpty);
      }
      return value.map(withoutEmpty);
    }
    return value;
  }

  CMS.registerWidget("partial-date", PartialDateControl, PartialDatePreview);
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      return withoutEmpty(event.entry.get("data"));
    },
  });
})();
